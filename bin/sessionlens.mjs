#!/usr/bin/env node
// The `sessionlens` command: a shim that runs the bundle `npm run build:cli` writes
// (`prepare` builds it on `npm ci`). Kept tiny so the bin entry never needs a build itself.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/sessionlens.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("sessionlens is not built yet: run `npm run build:cli`\n");
  process.exit(2);
}
await import(bundle.href);
