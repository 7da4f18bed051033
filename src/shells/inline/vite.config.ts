/**
 * Vite config for the inline shell only (`npx vite src/shells/inline`): Preact JSX, served from
 * this folder. Vite looks for a config in the root it is given, so the extension's crx build
 * config at the repository root is not loaded here.
 */
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [preact()],
  server: { host: "127.0.0.1" },
});
