/**
 * Launching the built extension in Debian's Chromium and opening its DevTools panel. Shared by
 * the e2e tests and by `npm start` (scripts/open-browser.mjs), so it is plain JS that Node 20
 * runs without a build; browsers.d.mts gives the tests its types. Never downloads a browser.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = { chrome: join(ROOT, "dist/chrome"), firefox: join(ROOT, "dist/firefox") };
export const ARTIFACTS = join(ROOT, "e2e/artifacts");
export const CHROMIUM = "/usr/lib/chromium/chromium";
export const FIREFOX = "/usr/bin/firefox-esr";
export const PANEL_TITLE = "Session Lens";
export const PANEL_PATH = "src/panel/index.html";

/** Throws a clear message when the extension was not built (the tests never build it). */
export function assertBuilt(target) {
  const manifest = join(DIST[target], "manifest.json");
  if (!existsSync(manifest) || !existsSync(join(DIST[target], PANEL_PATH))) {
    throw new Error(
      `${DIST[target]} is missing or incomplete: run \`npm run build\` (or build:${target}) first`,
    );
  }
  return JSON.parse(readFileSync(manifest, "utf8"));
}

/** Polls `check` until it returns a truthy value; a bounded loop, never a fixed sleep. */
export async function pollUntil(
  check,
  { timeout = 15_000, interval = 50, what = "condition" } = {},
) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${lastError.message ?? lastError})` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * A fresh profile whose DevTools docks at the bottom with room for the panel (docked right,
 * the panel would get a third of the window). These are DevTools' own stored preferences.
 */
function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), "session-lens-chromium-"));
  mkdirSync(join(dir, "Default"));
  const split = JSON.stringify({ vertical: { size: 560 }, horizontal: { size: 560 } });
  const preferences = {
    devtools: {
      preferences: { currentDockState: '"bottom"', "inspector-view.split-view-state": split },
    },
  };
  writeFileSync(join(dir, "Default/Preferences"), JSON.stringify(preferences));
  return dir;
}

/**
 * A host name outside the extension's required host permissions that the test browsers resolve
 * to 127.0.0.1, so the "no access yet" path can be tested without any network.
 */
export const NO_ACCESS_HOST = "sessionlens.test";

/** The flags every Chromium launched here starts with (the e2e and bench/audit-browser.mjs). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-component-update",
  "--no-default-browser-check",
  "--no-first-run",
];

/** Chromium with dist/chrome loaded; headless unless `headless: false`. */
export async function launchChromium({ headless = true, userDataDir = freshProfile() } = {}) {
  assertBuilt("chrome");
  const ext = DIST.chrome;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    userDataDir,
    args: [
      ...CHROMIUM_FLAGS,
      "--window-size=1280,900",
      `--host-resolver-rules=MAP ${NO_ACCESS_HOST} 127.0.0.1`,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  const workerTarget = await browser.waitForTarget(
    (t) => t.type() === "service_worker" && t.url().startsWith("chrome-extension://"),
  );
  const extensionId = new URL(workerTarget.url()).host;
  const worker = await workerTarget.worker();
  // The worker must be running (with its extension bindings, which arrive a moment after the
  // target does) before the page sets cookies, or onChanged events are missed.
  await pollUntil(() => worker.evaluate(() => typeof chrome === "object" && !!chrome.runtime?.id), {
    what: "the extension service worker to start",
  });
  return { browser, extensionId, worker, userDataDir };
}

/** Stores the demo sides in storage.local, under every origin they are served from. */
export function sidesStorage(sides) {
  const origins = [...new Set(sides.map((side) => side.origin))];
  return Object.fromEntries(origins.map((origin) => [`sides:${origin}`, sides]));
}

export async function seedSidesChromium(worker, sides) {
  await worker.evaluate((items) => chrome.storage.local.set(items), sidesStorage(sides));
}

/**
 * Opens DevTools for `page` and shows the Session Lens panel. Returns the DevTools page, the
 * panel's frame, and when DevTools was asked to open (ms, Date.now()).
 */
export async function openChromiumPanel(page, extensionId, { timeout = 20_000 } = {}) {
  const shownAt = Date.now();
  const devtools = await page.openDevTools();
  await devtools.waitForFunction(() => "DevToolsAPI" in globalThis, { timeout });
  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s+/g, "")}`;
  const panelUrl = `chrome-extension://${extensionId}/${PANEL_PATH}`;
  const panel = await pollUntil(
    async () => {
      const frame = devtools.frames().find((f) => f.url().startsWith(panelUrl));
      if (frame) return frame;
      // The panel exists only once the devtools page has run panels.create: ask again.
      await devtools.evaluate((id) => globalThis.DevToolsAPI.showPanel(id), panelId);
      return undefined;
    },
    { timeout, interval: 100, what: "the Session Lens panel frame in DevTools" },
  );
  return { devtools, panel, shownAt };
}

/** A PNG of DevTools below the inspected page: its tab strip and the Session Lens panel. */
export async function screenshotChromiumPanel(page, devtools) {
  const top = await page.evaluate(() => window.innerHeight);
  const size = await devtools.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
  }));
  return devtools.screenshot({
    type: "png",
    // With a clip puppeteer asks for captureBeyondViewport, which re-lays DevTools out at its
    // full size for the capture; the panel's frame was then often captured before it repainted
    // (a white panel under the tab strip, its underline mid-slide).
    captureBeyondViewport: false,
    clip: { x: 0, y: top, width: size.width, height: size.height - top },
  });
}
