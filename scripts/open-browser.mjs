/**
 * `npm start` after the build: starts the demo apps, launches Debian's Chromium with
 * dist/chrome loaded and the demo's sides stored, opens the demo page and DevTools on the
 * Session Lens panel on the session cookie Flask has just written, with its verdict. With a
 * display the browser stays open until it is closed (or Ctrl-C);
 * without one it runs headless once as a smoke check, saves a screenshot, and keeps the demo
 * running while printing how to load the extension by hand. Plain JS: Node 20 runs it as is.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoSidesFiles } from "../demo/sides.mjs";
import { startDemo } from "../demo/start.mjs";
import {
  ARTIFACTS,
  DIST,
  launchChromium,
  openChromiumPanel,
  pollUntil,
  screenshotChromiumPanel,
  seedSidesChromium,
} from "../e2e/browsers.mjs";

const { values } = parseArgs({ options: { variant: { type: "string", default: "broken" } } });
const headed = Boolean(process.env.DISPLAY);

const demo = await startDemo({ variant: values.variant });
console.log(`Session Lens demo (${demo.variant}) is running:`);
console.log(`  Python (Flask + FastAPI): ${demo.pythonUrl}/`);
const nodeKind = demo.variant === "shared" ? "sessionlens/express" : "cookie-session";
console.log(
  `  Node (${nodeKind}):${" ".repeat(Math.max(1, 18 - nodeKind.length))}${demo.nodeUrl}/`,
);

const { browser, extensionId, worker, userDataDir } = await launchChromium({ headless: !headed });
await seedSidesChromium(worker, demo.sides);
const page = (await browser.pages())[0] ?? (await browser.newPage());
await page.goto(`${demo.pythonUrl}/`);
const { panel, devtools } = await openChromiumPanel(page, extensionId);
await pollUntil(
  () =>
    panel.evaluate(
      // Rendered: the page's cookies (or the empty state) and the stored sides' count.
      () =>
        !!document.querySelector("[data-testid=cookie-row], [data-testid=no-cookies]") &&
        /Sides \([1-9]/.test(document.body.textContent ?? ""),
    ),
  { what: "the Session Lens panel to show the page and the demo's sides" },
);
// Flask signs in (the demo page's first link does the same), and the panel opens on its cookie
// with the verdict, which is what the panel is for.
await page.evaluate(() => fetch("/flask-application/set-session").then((r) => r.text()));
const verdict = await pollUntil(
  () =>
    panel.evaluate(() => {
      const row = document.querySelector('[data-testid=cookie-row][data-cookie-name="session"]');
      if (row && row.getAttribute("aria-selected") !== "true") row.click();
      const text = document.querySelector("[data-testid=verdict]")?.textContent ?? "";
      return /cannot read|accept/.test(text) ? text : null;
    }),
  { what: "the panel to show the demo's session cookie and its verdict" },
);

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  await browser.close().catch(() => undefined);
  await demo.stop();
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(code);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());

if (headed) {
  console.log(
    "\nChromium is open with DevTools on the Session Lens panel and the demo's apps stored.",
  );
  console.log(
    "Click the links on the demo page to write the shared cookie. Close Chromium or press Ctrl-C to stop.",
  );
  browser.on("disconnected", () => void shutdown());
} else {
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = join(ARTIFACTS, "start-panel.png");
  writeFileSync(shot, await screenshotChromiumPanel(page, devtools));
  await browser.close();
  console.log(`
No display ($DISPLAY is unset), so Chromium ran headless: the panel opened on the demo's
session cookie (screenshot: ${shot}) and said:
  ${verdict}

To use Session Lens in a browser of your own:
  Chrome/Chromium: open chrome://extensions, switch on Developer mode, "Load unpacked" and
                   choose ${DIST.chrome}
  Firefox (142+):  open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" and
                   choose ${join(DIST.firefox, "manifest.json")}
Then open ${demo.pythonUrl}/ , open DevTools and pick the "Session Lens" tab. In its Sides tab,
paste each file below into Import on the page of its origin (secrets are the demo's published ones):
${demoSidesFiles(demo.sides)
  .map((file) => `\n── sides file for ${file.origin}\n${file.text}`)
  .join("\n")}

The demo keeps running; press Ctrl-C to stop it.`);
}
