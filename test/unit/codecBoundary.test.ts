/**
 * The codec must run unchanged in Node, a page, a worker and an extension service worker:
 * this check keeps Node built-ins and extension APIs out of src/codec (tsconfig.codec.json
 * enforces the same at the type level).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../src/codec", import.meta.url));
const AUDIT = fileURLToPath(new URL("../../src/audit", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

it.each([
  ["src/codec", ROOT],
  ["src/audit", AUDIT],
])("%s uses no Node built-ins, Buffer, or extension APIs", (_, root) => {
  const offenders: string[] = [];
  for (const file of sources(root)) {
    // comments may name what they mimic (e.g. Node's Buffer); only code counts
    const text = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    const bad = [
      /from\s+["']node:/,
      /from\s+["'](fs|path|crypto|zlib|buffer|os|util)["']/,
      /\bBuffer\./,
      /\bchrome\./,
      /\bbrowser\./,
      /\bprocess\./,
      /\brequire\(/,
    ].find((re) => re.test(text));
    if (bad) offenders.push(`${file}: ${bad}`);
  }
  expect(offenders).toEqual([]);
  expect(sources(root).length).toBeGreaterThan(10);
});
