/**
 * The built extension (dist/firefox) in Debian's Firefox ESR, headless, driven through the
 * real DevTools toolbox (see firefox-devtools.ts for how): the broken demo and then the fixed
 * one. One browser for the whole file; the tests run in order and share the panel.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDemo } from "../demo/start.mjs";
import { startDemo } from "../demo/start.mjs";
import { ARTIFACTS, assertBuilt, NO_ACCESS_HOST, pollUntil, sidesStorage } from "./browsers.mjs";
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
} from "./firefox-devtools";
import {
  BROKEN_VERDICT,
  clearFillerCookies,
  clickAllowAccess,
  clickCookieRow,
  describeFirstRender,
  FILLER_COUNT,
  FIXED_VERDICT,
  FLASK_USER,
  firstRenderMark,
  flaskSetSession,
  hasHttpOnlySessionRow,
  loggedChanges,
  loggedSetCookies,
  noPermissionText,
  type PanelSummary,
  panelSummary,
  SELECTOR,
  setExtensionStorage,
  setFillerCookies,
} from "./panelExpectations";

let demo: RunningDemo;
const sidesNamed = (cookieName: string) => demo.sides.filter((s) => s.cookieName === cookieName);
let session: FirefoxSession;
let page: Page;
/** The inspected tab's URL prefix; the helper finds the tab (and its toolbox) by it. */
let pageUrl: string;

const waitForPanel = (what: string, ok: (s: PanelSummary) => boolean) =>
  pollUntil(
    async () => {
      const summary = await evalInPanel(session, pageUrl, panelSummary, SELECTOR);
      return ok(summary) ? summary : null;
    },
    { what: `the panel to show ${what}` },
  );

async function screenshot(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, name), await snapshotToolbox(session, pageUrl));
}

beforeAll(async () => {
  assertBuilt("firefox");
  [demo, session] = await Promise.all([startDemo(), launchFirefox()]);
  await inExtensionPage(session, setExtensionStorage, sidesStorage(demo.sides));
  page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  pageUrl = `${demo.pythonUrl}/`;
  await page.goto(pageUrl);
});

afterAll(async () => {
  await session?.browser.close();
  await demo?.stop();
});

describe("Session Lens in Firefox", () => {
  it(`renders a page with ${FILLER_COUNT} cookies when the panel is first shown`, async () => {
    expect(await page.evaluate(setFillerCookies, FILLER_COUNT)).toBeGreaterThanOrEqual(
      FILLER_COUNT,
    );
    const shownAt = await openFirefoxPanel(session, pageUrl);
    const mark = await pollUntil(() => evalInPanel(session, pageUrl, firstRenderMark), {
      what: "the panel's first rows",
    });
    await waitForPanel(`${FILLER_COUNT} rows`, (s) => s.rows.length >= FILLER_COUNT);
    console.log(describeFirstRender("firefox", mark, Date.now() - shownAt));
    expect(mark.rows).toBeGreaterThanOrEqual(FILLER_COUNT);
    expect(mark.listedMs).not.toBeNull();
  });

  it("shows the HttpOnly Flask session decoded, the sides, and that FastAPI cannot read it", async () => {
    await page.evaluate(clearFillerCookies, FILLER_COUNT);
    expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
    await waitForPanel("the HttpOnly session row", hasHttpOnlySessionRow);
    await pollUntil(() => evalInPanel(session, pageUrl, clickCookieRow, "session"), {
      what: "the session row",
    });
    const summary = await waitForPanel(
      "the decoded session and the verdict",
      (s) =>
        s.decoded.some((d) => d.includes(FLASK_USER)) &&
        s.verdict.some((v) => BROKEN_VERDICT.test(v)),
    );
    // Every demo app writes `session` in the broken variant, so each is judged.
    expect(summary.sides.length).toBe(sidesNamed("session").length);
    expect(summary.rows.some((row) => row.name.startsWith("filler_"))).toBe(false);
    await screenshot("panel-firefox.png");
  });

  it("logs the session's changes and the Set-Cookie headers DevTools saw (HttpOnly included)", async () => {
    const [seen] = await pollUntil(
      async () => {
        const logged = await inExtensionPage(
          session,
          loggedSetCookies,
          "/flask-application/set-session",
        );
        return logged.length > 0 ? logged : null;
      },
      { what: "the set-session response in the background's log" },
    );
    expect(seen?.setCookies.some((c) => /^session=/.test(c) && /HttpOnly/i.test(c))).toBe(true);
    // Recorded in storage.session, so a stopped background loses nothing.
    expect(await inExtensionPage(session, loggedChanges, "session")).toContainEqual({
      removed: false,
      cause: "explicit",
    });
  });

  it("shows agreement once FastAPI uses Flask's format (fixed demo)", async () => {
    await demo.stop();
    demo = await startDemo({ variant: "fixed" });
    await session.browser.deleteCookie(...(await session.browser.cookies()));
    await inExtensionPage(session, setExtensionStorage, sidesStorage(demo.sides));
    pageUrl = `${demo.pythonUrl}/`;
    await page.goto(pageUrl);
    expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
    await waitForPanel("the new session row", hasHttpOnlySessionRow);
    await pollUntil(() => evalInPanel(session, pageUrl, clickCookieRow, "session"), {
      what: "the session row",
    });
    const summary = await waitForPanel("agreement", (s) =>
      s.verdict.some((v) => FIXED_VERDICT.test(v)),
    );
    expect(summary.verdict.join(" ")).toContain("FastAPI app");
    expect(summary.sides.length).toBe(sidesNamed("session").length);
    await screenshot("panel-firefox-fixed.png");
  });

  it("asks for access on other sites through a grant window (the panel has no permissions API)", async () => {
    const origin = `http://${NO_ACCESS_HOST}:${new URL(demo.pythonUrl).port}`;
    pageUrl = `${origin}/`;
    await page.goto(pageUrl);
    const text = await pollUntil(() => evalInPanel(session, pageUrl, noPermissionText), {
      what: "the panel's request for access",
    });
    expect(text).toContain(origin);
    expect(await pollUntil(() => evalInPanel(session, pageUrl, clickAllowAccess))).toBe(true);
    const [grant] = await pollUntil(
      async () => {
        const found = await contextsShowing(session, "/src/devtools/grant.html");
        return found.length > 0 ? found : null;
      },
      { what: "the grant window" },
    );
    expect(decodeURIComponent(await contextUrl(session, grant!))).toContain(`origin=${origin}`);
    // Closed without an answer: the background tells the panel access is still missing.
    await closeContext(session, grant!);
    const denied = await pollUntil(
      async () => {
        const now = await evalInPanel(session, pageUrl, noPermissionText);
        return now?.includes("not granted") ? now : null;
      },
      { what: "the panel to say access was not granted" },
    );
    expect(denied).toContain(origin);
  });
});
