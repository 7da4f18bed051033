/**
 * Vite/Vitest plugin: `import text from "./list.txt"` gives the file's text, the same as the CLI
 * build's esbuild `--loader:.txt=text`, so the bundled word lists are imported one way everywhere.
 */
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

export function textImport(): Plugin {
  return {
    name: "session-lens-text-import",
    enforce: "pre",
    load(id) {
      if (!id.endsWith(".txt")) return null;
      const code = `export default ${JSON.stringify(readFileSync(id, "utf8"))};`;
      // JS, said so: Vite 8's bundler reads a .txt module as text by default, which made the
      // built extension's list this module's source, one unparseable line (0 known secrets)
      return { code, map: null, moduleType: "js" };
    },
  };
}
