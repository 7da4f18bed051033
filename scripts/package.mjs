/**
 * `npm run package`: the store-ready packages from the built extension (run after `npm run
 * build`): dist/packages/session-lens-chrome-VERSION.zip for the Chrome Web Store and
 * session-lens-firefox-VERSION.zip for addons.mozilla.org (web-ext build), versioned from
 * package.json, each with the privacy statement inside. The store listing text is
 * store/description.md. Plain JS: Node 20 runs it as is.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const OUT = join(ROOT, "dist/packages");
mkdirSync(OUT, { recursive: true });

for (const browser of ["chrome", "firefox"]) {
  const source = join(ROOT, "dist", browser);
  const manifest = join(source, "manifest.json");
  if (!existsSync(manifest)) {
    console.error(`npm run package: ${source} is not built; run npm run build first`);
    process.exit(2);
  }
  const built = JSON.parse(readFileSync(manifest, "utf8")).version;
  if (built !== version) {
    console.error(
      `npm run package: ${source} is version ${built}, package.json says ${version}; rebuild`,
    );
    process.exit(2);
  }
  copyFileSync(join(ROOT, "store/PRIVACY.md"), join(source, "PRIVACY.md"));
  const filename = `session-lens-${browser}-${version}.zip`;
  execFileSync(
    "npx",
    ["web-ext", "build", "-s", source, "-a", OUT, "-n", filename, "--overwrite-dest"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  console.log(`dist/packages/${filename}`);
}
