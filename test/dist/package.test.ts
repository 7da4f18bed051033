/**
 * The store packages `npm run package` writes (after `npm run build`): each zip holds a
 * manifest at the package.json version, the privacy statement, the panel and background
 * bundles, and nothing that should not ship (source maps, TypeScript sources, tests).
 * The zips are read with Python's zipfile (Debian python3 is already a test dependency).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
};

const LIST_ZIP = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    manifest = json.loads(z.read("manifest.json"))
    privacy = z.read("PRIVACY.md").decode() if "PRIVACY.md" in names else None
print(json.dumps({"names": names, "manifest": manifest, "privacy": privacy}))
`;

interface ZipView {
  names: string[];
  manifest: Record<string, unknown>;
  privacy: string | null;
}

function readZip(path: string): ZipView {
  return JSON.parse(execFileSync("python3", ["-c", LIST_ZIP, path], { encoding: "utf8" }));
}

describe.each(["chrome", "firefox"])("the %s store package", (browser) => {
  const zip = join(ROOT, "dist/packages", `session-lens-${browser}-${version}.zip`);

  it("exists at the package.json version", () => {
    expect(existsSync(zip), `${zip} (run npm run build && npm run package)`).toBe(true);
  });

  it("holds a manifest at that version with the locked-down CSP", () => {
    const { manifest } = readZip(zip);
    expect(manifest.version).toBe(version);
    expect(manifest.name).toBe("Session Lens");
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    // nothing the extension does needs the network: the browser refuses any request, and
    // any image, style, font, frame or media from anywhere but the extension itself
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'self'");
    // 'wasm-unsafe-eval' (the audit's WebAssembly) is the only eval allowed
    expect(csp.replace("'wasm-unsafe-eval'", "")).not.toContain("eval");
    expect(manifest.permissions).not.toContain("<all_urls>");
  });

  it("carries the privacy statement", () => {
    const { privacy } = readZip(zip);
    expect(privacy).toBe(readFileSync(join(ROOT, "store/PRIVACY.md"), "utf8"));
  });

  it("ships the built pages and nothing from the source tree", () => {
    const { names } = readZip(zip);
    expect(names.some((n) => n.endsWith(".html") && n.includes("panel"))).toBe(true);
    expect(names.some((n) => n.startsWith("assets/") && n.endsWith(".js"))).toBe(true);
    const unwanted = names.filter((n) => /\.(map|tsx?)$|(^|\/)test\/|node_modules\//.test(n));
    expect(unwanted).toEqual([]);
  });
});

describe("the store listing", () => {
  const listing = readFileSync(join(ROOT, "store/description.md"), "utf8");

  it("keeps the short description within the Chrome Web Store's 132 characters", () => {
    const match = /\*\*Short description\*\*[^\n]*\n(.+)\n/.exec(listing);
    expect(match).not.toBeNull();
    expect(match?.[1]?.trim().length).toBeLessThanOrEqual(132);
  });
});
