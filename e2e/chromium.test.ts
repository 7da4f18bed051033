/**
 * The built extension (dist/chrome) in Debian's Chromium, headless, driven through the real
 * DevTools panel: the broken demo (Flask and FastAPI fight over `session`) and then the fixed
 * one. One browser for the whole file; the tests run in order and share the panel.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page, WebWorker } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDemo } from "../demo/start.mjs";
import { startDemo } from "../demo/start.mjs";
import {
  ARTIFACTS,
  assertBuilt,
  launchChromium,
  NO_ACCESS_HOST,
  openChromiumPanel,
  pollUntil,
  screenshotChromiumPanel,
  seedSidesChromium,
} from "./browsers.mjs";
import {
  BROKEN_VERDICT,
  clearFillerCookies,
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
  setFillerCookies,
} from "./panelExpectations";

let demo: RunningDemo;
const sidesNamed = (cookieName: string) => demo.sides.filter((s) => s.cookieName === cookieName);
let browser: Browser;
let extensionId: string;
let worker: WebWorker;
let page: Page;
let panel: Frame;
let devtools: Page;
let userDataDir: string;

const readPanel = () => panel.evaluate(panelSummary, SELECTOR);
const waitForPanel = (what: string, ok: (s: PanelSummary) => boolean) =>
  pollUntil(
    async () => {
      const summary = await readPanel();
      return ok(summary) ? summary : null;
    },
    { what: `the panel to show ${what}` },
  );

async function screenshot(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, name), await screenshotChromiumPanel(page, devtools));
}

beforeAll(async () => {
  assertBuilt("chrome");
  const [started, launched] = await Promise.all([startDemo(), launchChromium()]);
  demo = started;
  ({ browser, extensionId, worker, userDataDir } = launched);
  await seedSidesChromium(worker, demo.sides);
  page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`${demo.pythonUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("Session Lens in Chromium", () => {
  it(`renders a page with ${FILLER_COUNT} cookies when the panel is first shown`, async () => {
    const cookies = await page.evaluate(setFillerCookies, FILLER_COUNT);
    expect(cookies).toBeGreaterThanOrEqual(FILLER_COUNT);
    const opened = await openChromiumPanel(page, extensionId);
    ({ panel, devtools } = opened);
    const mark = await pollUntil(() => panel.evaluate(firstRenderMark), {
      what: "the panel's first rows",
    });
    await waitForPanel(`${FILLER_COUNT} rows`, (s) => s.rows.length >= FILLER_COUNT);
    console.log(describeFirstRender("chromium", mark, Date.now() - opened.shownAt));
    expect(mark.rows).toBeGreaterThanOrEqual(FILLER_COUNT);
    expect(mark.listedMs).not.toBeNull();
  });

  it("shows the HttpOnly Flask session decoded, the sides, and that FastAPI cannot read it", async () => {
    await page.evaluate(clearFillerCookies, FILLER_COUNT);
    expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
    await waitForPanel("the HttpOnly session row", hasHttpOnlySessionRow);
    await pollUntil(() => panel.evaluate(clickCookieRow, "session"), { what: "the session row" });
    const summary = await waitForPanel(
      "the decoded session and the verdict",
      (s) =>
        s.decoded.some((d) => d.includes(FLASK_USER)) &&
        s.verdict.some((v) => BROKEN_VERDICT.test(v)),
    );
    // Every demo app writes `session` in the broken variant, so each is judged.
    expect(summary.sides.length).toBe(sidesNamed("session").length);
    expect(summary.rows.some((row) => row.name.startsWith("filler_"))).toBe(false);
    await screenshot("panel-chromium.png");
  });

  it("logs the session's changes and the Set-Cookie headers DevTools saw (HttpOnly included)", async () => {
    const [seen] = await pollUntil(
      async () => {
        const logged = await worker.evaluate(loggedSetCookies, "/flask-application/set-session");
        return logged.length > 0 ? logged : null;
      },
      { what: "the set-session response in the background's log" },
    );
    expect(seen?.setCookies.some((c) => /^session=/.test(c) && /HttpOnly/i.test(c))).toBe(true);
    // Recorded in storage.session, so a stopped background loses nothing.
    expect(await worker.evaluate(loggedChanges, "session")).toContainEqual({
      removed: false,
      cause: "explicit",
    });
  });

  it("shows agreement once FastAPI uses Flask's format (fixed demo)", async () => {
    await demo.stop();
    demo = await startDemo({ variant: "fixed" });
    await browser.deleteCookie(...(await browser.cookies()));
    await seedSidesChromium(worker, demo.sides);
    await page.goto(`${demo.pythonUrl}/`);
    expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
    await waitForPanel("the new session row", hasHttpOnlySessionRow);
    await pollUntil(() => panel.evaluate(clickCookieRow, "session"), { what: "the session row" });
    const summary = await waitForPanel("agreement", (s) =>
      s.verdict.some((v) => FIXED_VERDICT.test(v)),
    );
    expect(summary.verdict.join(" ")).toContain("FastAPI app");
    expect(summary.sides.length).toBe(sidesNamed("session").length);
    await screenshot("panel-chromium-fixed.png");
  });

  it("asks for access on a site outside the local development hosts", async () => {
    const origin = `http://${NO_ACCESS_HOST}:${new URL(demo.pythonUrl).port}`;
    await page.goto(`${origin}/`);
    const text = await pollUntil(() => panel.evaluate(noPermissionText), {
      what: "the panel's request for access",
    });
    expect(text).toContain(origin);
  });
});
