/**
 * `npm run build:lib`: the Node library (sessionlens/flask, /express, /hono) into dist/lib —
 * ESM bundles by esbuild (the codec and pako inside, one shared chunk, no Node built-ins) and
 * declarations by tsc (tsconfig.lib.json). The sources import without file extensions, as the
 * bundlers here want; a project on Node's own ESM resolution (`moduleResolution: node16`) needs
 * `./x.js` in declarations, so relative specifiers get theirs written in afterwards.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist/lib");
const ENTRIES = ["flask", "express", "hono"];

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES.map((name) => `src/lib/${name}.ts`),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2022",
  outdir: OUT,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
execFileSync(
  process.execPath,
  [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.lib.json"],
  {
    cwd: ROOT,
    stdio: "inherit",
  },
);

const SPECIFIER = /(from\s+|import\()(["'])(\.{1,2}\/[^"']*)\2/g;
function withExtensions(file) {
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
    if (spec.endsWith(".js")) return whole;
    const base = resolve(dirname(file), spec);
    if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${spec}.js${quote}`;
    if (existsSync(join(base, "index.d.ts"))) return `${lead}${quote}${spec}/index.js${quote}`;
    throw new Error(`${file}: cannot resolve ${spec}`);
  });
  if (fixed !== text) writeFileSync(file, fixed);
}
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".d.ts")) withExtensions(path);
  }
}
walk(join(OUT, "types"));
