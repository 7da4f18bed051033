/**
 * The built extension (dist/firefox) in Debian's Firefox ESR, headless, driven through the
 * real DevTools toolbox (see firefox-devtools.ts for how; panelScenario.ts holds the story both
 * browsers play). One browser for the whole file; the tests run in order and share the panel.
 */
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { assertBuilt, NO_ACCESS_HOST, pollUntil, sidesStorage } from "./browsers.mjs";
import {
  closeContext,
  contextsShowing,
  contextUrl,
  evalInPanel,
  type FirefoxSession,
  inExtensionPage,
  launchFirefox,
  openFirefoxPanel,
  snapshotToolbox,
  watchedFirefox,
  watchFirefox,
} from "./firefox-devtools";
import { clickAllowAccess, noPermissionText, setExtensionStorage } from "./panelExpectations";
import { describePanelScenario, type PanelDriver } from "./panelScenario";

let session: FirefoxSession;
let page: Page;
/** The inspected tab's URL; the helper finds the tab (and its toolbox) by it. */
let pageUrl: string;

const firefox: PanelDriver = {
  browserName: "firefox",
  async launch() {
    assertBuilt("firefox");
    session = await launchFirefox();
    page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
    return page;
  },
  async close() {
    await session?.browser.close();
  },
  async storeSides(sides) {
    await inExtensionPage(session, setExtensionStorage, sidesStorage(sides));
  },
  async goto(url) {
    pageUrl = url;
    await page.goto(url);
  },
  async clearCookies() {
    await session.browser.deleteCookie(...(await session.browser.cookies()));
  },
  openPanel: () => openFirefoxPanel(session, pageUrl),
  inPanel: (fn, ...args) => evalInPanel(session, pageUrl, fn, ...args),
  inExtension: (fn, arg) => inExtensionPage(session, fn, arg),
  screenshotPanel: () => snapshotToolbox(session, pageUrl),
  watch: () => watchFirefox(session, pageUrl),
  watched: () => watchedFirefox(session),
};

describePanelScenario("Session Lens in Firefox", firefox, (context) => {
  it("asks for access on other sites through a grant window (the panel has no permissions API)", async () => {
    const origin = `http://${NO_ACCESS_HOST}:${new URL(context.demo.pythonUrl).port}`;
    await context.goto(`${origin}/`);
    const text = await pollUntil(() => firefox.inPanel(noPermissionText), {
      what: "the panel's request for access",
    });
    expect(text).toContain(origin);
    expect(await pollUntil(() => firefox.inPanel(clickAllowAccess))).toBe(true);
    const [grant] = await pollUntil(
      async () => {
        const found = await contextsShowing(session, "/src/shells/extension/devtools/grant.html");
        return found.length > 0 ? found : null;
      },
      { what: "the grant window" },
    );
    expect(decodeURIComponent(await contextUrl(session, grant!))).toContain(`origin=${origin}`);
    // Closed without an answer: the background tells the panel access is still missing.
    await closeContext(session, grant!);
    const denied = await pollUntil(
      async () => {
        const now = await firefox.inPanel(noPermissionText);
        return now?.includes("not granted") ? now : null;
      },
      { what: "the panel to say access was not granted" },
    );
    expect(denied).toContain(origin);
  });
});
