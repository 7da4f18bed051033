/**
 * One build config for both browsers. manifest.json is written for Chrome MV3; for
 * `TARGET=firefox` it is rewritten here (event page `background.scripts`, gecko settings),
 * so there is one manifest and no second file to drift. The panel page (and Firefox's grant
 * window) are reached only from script, so they must be explicit rollup inputs or CRXJS never
 * emits them. The version is package.json's (one copy of it), so the store packages that
 * `npm run package` writes are versioned from there.
 */
import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import manifestFile from "./manifest.json" with { type: "json" };
import packageJson from "./package.json" with { type: "json" };
import { textImport } from "./scripts/textImport.ts";

type Target = "chrome" | "firefox";

const target: Target = process.env.TARGET === "firefox" ? "firefox" : "chrome";

const GECKO_ID = "session-lens@sessionlens.dev";

const baseManifest = { ...manifestFile, version: packageJson.version };

function manifestFor(browser: Target): ManifestV3Export {
  if (browser === "chrome") return baseManifest;
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: "142.0",
        data_collection_permissions: { required: ["none"] },
      },
    },
  };
}

export default defineConfig({
  plugins: [textImport(), preact(), crx({ manifest: manifestFor(target), browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // The one chunk past Vite's 500 kB warning is the audit's list of known secrets (1.9 MB of
    // text, loaded by import() only when an audit is prepared); code chunks stay far below this.
    chunkSizeWarningLimit: 2048,
    // Pages reached only from script (panels.create, windows.create) must be named here.
    rollupOptions: {
      input: { panel: "src/panel/index.html", grant: "src/shells/extension/devtools/grant.html" },
    },
  },
});
