/**
 * The built extension (dist/chrome) in Debian's Chromium, headless, driven through the real
 * DevTools panel (panelScenario.ts holds the story both browsers play). One browser for the
 * whole file; the tests run in order and share the panel.
 */
import { rmSync } from "node:fs";
import type { Browser, Frame, Page, WebWorker } from "puppeteer-core";
import { expect, it } from "vitest";
import {
  assertBuilt,
  launchChromium,
  NO_ACCESS_HOST,
  openChromiumPanel,
  pollUntil,
  screenshotChromiumPanel,
  seedSidesChromium,
} from "./browsers.mjs";
import type { Watched } from "./canaryScenario";
import { watchChromium } from "./chromiumWatch";
import { noPermissionText } from "./panelExpectations";
import { describePanelScenario, type PanelDriver } from "./panelScenario";

let browser: Browser;
let extensionId: string;
let worker: WebWorker;
let page: Page;
let panel: Frame | undefined;
let devtools: Page | undefined;
let userDataDir: string;
let readWatched: (() => Promise<Watched>) | undefined;

function opened<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the Session Lens panel is not open yet");
  return value;
}

/** puppeteer types `evaluate` for JSHandle arguments; the scenario passes plain JSON values only. */
function evaluateIn<T, A extends unknown[]>(
  target: Frame | WebWorker,
  fn: (...args: A) => T,
  args: A,
): Promise<T> {
  const evaluate = target.evaluate as (fn: (...args: A) => T, ...args: A) => Promise<T>;
  return evaluate.call(target, fn, ...args);
}

const chromium: PanelDriver = {
  browserName: "chromium",
  async launch() {
    assertBuilt("chrome");
    ({ browser, extensionId, worker, userDataDir } = await launchChromium());
    page = (await browser.pages())[0] ?? (await browser.newPage());
    return page;
  },
  async close() {
    await browser?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  },
  storeSides: (sides) => seedSidesChromium(worker, sides),
  async goto(url) {
    await page.goto(url);
  },
  async clearCookies() {
    await browser.deleteCookie(...(await browser.cookies()));
  },
  async openPanel() {
    const shown = await openChromiumPanel(page, extensionId);
    ({ panel, devtools } = shown);
    return shown.shownAt;
  },
  inPanel: (fn, ...args) => evaluateIn(opened(panel), fn, args),
  inExtension: async (fn, arg) => evaluateIn(worker, fn, [arg]),
  screenshotPanel: () => screenshotChromiumPanel(page, opened(devtools)),
  async watch() {
    readWatched = await watchChromium(browser);
  },
  async watched() {
    if (!readWatched) throw new Error("watch() was not called");
    return readWatched();
  },
};

describePanelScenario("Session Lens in Chromium", chromium, (context) => {
  it("asks for access on a site outside the local development hosts", async () => {
    const origin = `http://${NO_ACCESS_HOST}:${new URL(context.demo.pythonUrl).port}`;
    await context.goto(`${origin}/`);
    const text = await pollUntil(() => chromium.inPanel(noPermissionText), {
      what: "the panel's request for access",
    });
    expect(text).toContain(origin);
  });
});
