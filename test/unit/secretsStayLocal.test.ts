/**
 * Secrets stay on the machine: extension and codec code never touches storage.sync, never logs
 * (a log line is where a secret leaks first) and never makes a network request.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "cli" ? [] : sources(p); // the CLI prints by design
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const code = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");

it.each([
  ["storage.sync", /storage\s*\.\s*sync/],
  ["console logging", /\bconsole\s*\.\s*(log|info|debug|warn|error|trace)\b/],
  ["network requests", /\b(fetch|sendBeacon)\s*\(|XMLHttpRequest|WebSocket/],
])("no %s in the extension or codec", (_what, pattern) => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(50);
  expect(files.filter((f) => pattern.test(code(f)))).toEqual([]);
});

it("keeps the vault's key in storage.session only, and the passphrase field masked", () => {
  const vault = code(join(SRC, "shared/vault.ts"));
  const uses = vault.match(/stores\.(local|session)\.(set|get|remove)\(SESSION_KEY/g) ?? [];
  expect(uses.length).toBeGreaterThan(0);
  expect(uses.every((use) => use.startsWith("stores.session."))).toBe(true);
  expect(sources(SRC).filter((f) => code(f).includes('"vault-key"'))).toEqual([
    join(SRC, "shared/vault.ts"),
  ]);
  const controls = code(join(SRC, "panel/components/Vault/VaultControls.tsx"));
  expect(controls).toMatch(/type="password"[^>]*data-testid="vault-passphrase"/s);
});
