/**
 * The e2e story both browsers play, written once: a page with 50 cookies when the panel is
 * first shown, the broken demo (Flask and FastAPI fight over `session`), the background's logs,
 * the timeline, editing, declaring an app from its cookie on a site with no sides, then the
 * fixed demo, then the shared one (Node on Flask's cookie), then a canary secret that must stay
 * in storage.local. Each browser file supplies a `PanelDriver` — how to launch it with the
 * built extension, open the real DevTools panel, run a function in the panel or an extension
 * page, and screenshot the panel — and may add tests of its own after these.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoSide } from "../demo/sides.mjs";
import { type RunningDemo, startDemo } from "../demo/start.mjs";
import { auditTests } from "./auditScenario";
import { ARTIFACTS, pollUntil } from "./browsers.mjs";
import { canaryTests, type Watched } from "./canaryScenario";
import { declareTests } from "./declareScenario";
import { editorTests } from "./editorScenario";
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
  nextPaint,
  type PanelSummary,
  panelSummary,
  SELECTOR,
  setFillerCookies,
  storedColumns,
  toggleColumn,
} from "./panelExpectations";
import {
  clickViewTab,
  concurrentFlaskWrites,
  fastapiSetSession,
  flaskDeleteSession,
  showFindingRows,
  timelineSummary,
} from "./timelineExpectations";

export interface PanelDriver {
  readonly browserName: "chromium" | "firefox";
  /** Starts the browser with the built extension; answers the tab that will be inspected. */
  launch(): Promise<Page>;
  close(): Promise<void>;
  /** Stores sides in the extension's storage.local, as the panel's Sides tab would. */
  storeSides(sides: DemoSide[]): Promise<void>;
  /** Navigates the inspected tab. */
  goto(url: string): Promise<void>;
  clearCookies(): Promise<void>;
  /** Opens DevTools on the inspected tab and shows Session Lens; answers when that began (Date.now()). */
  openPanel(): Promise<number>;
  inPanel<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<T>;
  /** Runs `fn` where the extension's APIs are (Chrome's service worker, a Firefox extension page). */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  screenshotPanel(): Promise<Uint8Array>;
  /** Starts recording the console lines and requests the browser lets a test see (panel open). */
  watch(): Promise<void>;
  /** What was recorded since `watch()`. */
  watched(): Promise<Watched>;
}

export interface ScenarioContext {
  readonly demo: RunningDemo;
  readonly page: Page;
  goto(url: string): Promise<void>;
}

/** Declares the shared tests in one describe block; `more` adds the browser's own after them. */
export function describePanelScenario(
  title: string,
  driver: PanelDriver,
  more: (context: ScenarioContext) => void = () => {},
): void {
  let demo: RunningDemo;
  let page: Page;
  const sidesNamed = (cookieName: string) =>
    demo.sides.filter((side) => side.cookieName === cookieName);

  const waitForPanel = (what: string, ok: (s: PanelSummary) => boolean) =>
    pollUntil(
      async () => {
        const summary = await driver.inPanel(panelSummary, SELECTOR);
        return ok(summary) ? summary : null;
      },
      { what: `the panel to show ${what}` },
    );

  const selectSessionRow = (domain?: string) =>
    pollUntil(() => driver.inPanel(clickCookieRow, "session", domain), {
      what: `the session row${domain ? ` of ${domain}` : ""}`,
    });

  async function screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The DOM a test just read may not be painted yet (Chromium showed a blank panel after a
    // navigation): wait for the panel's next frame, then let the tab strip's slide finish.
    await driver.inPanel(nextPaint);
    await new Promise((resolve) => setTimeout(resolve, 250));
    writeFileSync(join(ARTIFACTS, name), await driver.screenshotPanel());
  }

  beforeAll(async () => {
    [demo, page] = await Promise.all([startDemo(), driver.launch()]);
    await driver.storeSides(demo.sides);
    await driver.goto(`${demo.pythonUrl}/`);
  });

  afterAll(async () => {
    await driver.close();
    await demo?.stop();
  });

  describe(title, () => {
    it(`renders a page with ${FILLER_COUNT} cookies when the panel is first shown`, async () => {
      const cookies = await page.evaluate(setFillerCookies, FILLER_COUNT);
      expect(cookies).toBeGreaterThanOrEqual(FILLER_COUNT);
      const shownAt = await driver.openPanel();
      const mark = await pollUntil(() => driver.inPanel(firstRenderMark), {
        what: "the panel's first rows",
      });
      await waitForPanel(`${FILLER_COUNT} rows`, (s) => s.rows.length >= FILLER_COUNT);
      console.log(describeFirstRender(driver.browserName, mark, Date.now() - shownAt));
      expect(mark.rows).toBeGreaterThanOrEqual(FILLER_COUNT);
      expect(mark.listedMs).not.toBeNull();
    });

    it("shows the HttpOnly Flask session decoded, the sides, and that FastAPI cannot read it", async () => {
      await page.evaluate(clearFillerCookies, FILLER_COUNT);
      expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
      await waitForPanel("the HttpOnly session row", hasHttpOnlySessionRow);
      await selectSessionRow();
      const summary = await waitForPanel(
        "the decoded session and the verdict",
        (s) =>
          s.decoded.some((d) => d.includes(FLASK_USER)) &&
          s.verdict.some((v) => BROKEN_VERDICT.test(v)),
      );
      // Every demo app writes `session` in the broken variant, so each is judged.
      expect(summary.sides.length).toBe(sidesNamed("session").length);
      expect(summary.rows.some((row) => row.name.startsWith("filler_"))).toBe(false);
      await screenshot(`panel-${driver.browserName}.png`);
    });

    it("logs the session's changes and the Set-Cookie headers DevTools saw (HttpOnly included)", async () => {
      const [seen] = await pollUntil(
        async () => {
          const logged = await driver.inExtension(
            loggedSetCookies,
            "/flask-application/set-session",
          );
          return logged.length > 0 ? logged : null;
        },
        { what: "the set-session response in the background's log" },
      );
      expect(seen?.setCookies.some((c) => /^session=/.test(c) && /HttpOnly/i.test(c))).toBe(true);
      // Numbered with the tab's changes, and stamped with the request's own start (HAR
      // startedDateTime), which is before the sighting was reported.
      expect(seen?.seq).toBeGreaterThan(0);
      expect(seen?.request.startedAt).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(seen?.request.startedAt).toBeLessThanOrEqual(Date.now());
      // Recorded in storage.session, so a stopped background loses nothing. The change log is
      // written after the cookies.onChanged event, independently of the Set-Cookie report.
      const changes = await pollUntil(
        async () => {
          const logged = await driver.inExtension(loggedChanges, "session");
          return logged.length > 0 ? logged : null;
        },
        { what: "the session's change in the background's log" },
      );
      expect(changes).toContainEqual({ removed: false, cause: "explicit" });
    });

    it("keeps the Columns choice in the extension's storage.local", async () => {
      const expires = (want: boolean) =>
        pollUntil(
          async () =>
            ((await driver.inExtension(storedColumns, undefined)) ?? []).includes("expires") ===
            want,
          { what: `Expires ${want ? "in" : "out of"} the stored columns` },
        );
      // The picker renders after the panel's first frame; the toggle answers null until then.
      expect(await pollUntil(() => driver.inPanel(toggleColumn, "Expires"))).toBe(true);
      await expires(true);
      expect(await driver.inPanel(toggleColumn, "Expires")).toBe(false);
      await expires(false);
    });

    it("names FastAPI's overwrite of Flask's session, and a concurrent race, on the Timeline", async () => {
      await page.evaluate(fastapiSetSession);
      expect(await driver.inPanel(clickViewTab, "Timeline")).toBe(true);
      const overwrite = await pollUntil(
        async () => {
          const t = await driver.inPanel(timelineSummary);
          const f = t.findings.find((x) => x.kind === "cross-side-overwrite");
          // cookies.onChanged comes first; the row gains its request when devtools reports it
          const last = t.rows.find((r) => r.seq === f?.evidence.split(" ")[1]);
          return f && last?.path ? { t, f } : null;
        },
        { what: "the cross-side-overwrite finding" },
      );
      const [flaskSeq, fastapiSeq] = overwrite.f.evidence.split(" ");
      const bySeq = (seq: string | undefined) => overwrite.t.rows.find((r) => r.seq === seq);
      expect(bySeq(flaskSeq)?.writer).toBe("Flask app");
      expect(bySeq(fastapiSeq)).toMatchObject({
        writer: "FastAPI app",
        path: "/fastapi-application/set-session",
      });
      expect(overwrite.f.text).toContain("FastAPI app overwrote Flask app's session");
      expect(overwrite.f.fix).toContain('SESSION_COOKIE_NAME"] = "flask_session"');

      await page.evaluate(concurrentFlaskWrites);
      const race = await pollUntil(
        async () => {
          const t = await driver.inPanel(timelineSummary);
          return t.findings.find((x) => x.kind === "concurrent-race") ?? null;
        },
        { what: "the concurrent-race finding" },
      );
      expect(race.text).toContain("user=slow&delay=0.8 started before it but finished after it");
      // login_time too when the two requests fell in different seconds
      expect(race.text).toMatch(
        /user (and login_time )?from GET \/flask-application\/set-session\?user=fast (is|are) lost/,
      );
      await screenshot(`timeline-${driver.browserName}.png`);

      // FastAPI logs in again, then Flask's logout deletes the cookie FastAPI still reads.
      await page.evaluate(fastapiSetSession);
      await page.evaluate(flaskDeleteSession);
      const deleting = await pollUntil(
        async () => {
          const t = await driver.inPanel(timelineSummary);
          // the removal is attributed once devtools reports the request that made it
          const f = t.findings.find((x) => x.kind === "deleting-write");
          return f?.text.includes("Flask app deleted") ? f : null;
        },
        { what: "the deleting-write finding" },
      );
      expect(deleting.text).toContain("on GET /flask-application/delete-session");
      expect(deleting.text).toContain("FastAPI app still read it, so its keys");
      expect(deleting.fix).toContain("Let Flask app delete only a cookie of its own");
      expect(await driver.inPanel(clickViewTab, "Cookies")).toBe(true);
      await page.evaluate(flaskSetSession); // the editor's tests start from Flask's own session
    });

    editorTests({ driver, page: () => page, selectSessionRow, screenshot });
    auditTests({
      driver,
      page: () => page,
      // A new demo is a new origin, so the panel reads the stored sides afresh.
      restartDemo: async (changeSides) => {
        await demo.stop();
        demo = await startDemo();
        await driver.clearCookies();
        await driver.storeSides(changeSides(demo.sides));
        await driver.goto(`${demo.pythonUrl}/`);
      },
      selectSessionRow,
      screenshot,
    });

    declareTests({ driver, page: () => page, demo: () => demo, selectSessionRow, screenshot });

    it("names the outer middleware's two Set-Cookie in one Flask response (outer demo)", async () => {
      await demo.stop();
      demo = await startDemo({ variant: "outer" });
      await driver.clearCookies();
      await driver.storeSides(demo.sides);
      await driver.goto(`${demo.pythonUrl}/`);
      // Once FastAPI's session is non-empty, the outer SessionMiddleware re-sends it after
      // every Flask Set-Cookie, so Flask's login never reaches the browser.
      await page.evaluate(fastapiSetSession);
      await page.evaluate(flaskSetSession);
      expect(await driver.inPanel(clickViewTab, "Timeline")).toBe(true);
      // The tab's timeline holds every earlier test's writes, and only a window of rows is in
      // the DOM: "Show rows" scrolls to the finding's evidence, as a user would.
      const double = await pollUntil(
        async () => {
          await driver.inPanel(showFindingRows, "double-set-cookie");
          const t = await driver.inPanel(timelineSummary);
          const f = t.findings.find((x) => x.kind === "double-set-cookie");
          const [seq] = f?.evidence.split(" ") ?? [];
          return f && t.rows.some((r) => r.seq === seq) ? { t, f } : null;
        },
        { what: "the double-set-cookie finding and its rows" },
      );
      const [flaskSeq, keptSeq] = double.f.evidence.split(" ");
      const bySeq = (seq: string | undefined) => double.t.rows.find((r) => r.seq === seq);
      expect(bySeq(flaskSeq)).toMatchObject({
        writer: "Flask app",
        path: "/flask-application/set-session",
      });
      expect(bySeq(keptSeq)?.writer).toBe("FastAPI app");
      expect(double.f.text).toContain("GET /flask-application/set-session at ");
      // the panel shows the sentence's `code` spans as code, without the backticks
      expect(double.f.text).toContain("sent 2 Set-Cookie headers for session (Path=/)");
      expect(double.f.text).toContain("the browser kept only the last one, FastAPI app's");
      expect(double.f.text).toMatch(/Flask app's keys .*user never reached the browser/);
      expect(double.f.fix).toContain('session_cookie="fastapi_session"');
      await screenshot(`timeline-${driver.browserName}-double.png`);
      expect(await driver.inPanel(clickViewTab, "Cookies")).toBe(true);
    });

    it("shows agreement once FastAPI uses Flask's format (fixed demo)", async () => {
      await demo.stop();
      demo = await startDemo({ variant: "fixed" });
      await driver.clearCookies();
      await driver.storeSides(demo.sides);
      await driver.goto(`${demo.pythonUrl}/`);
      expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
      await waitForPanel("the new session row", hasHttpOnlySessionRow);
      await selectSessionRow();
      const summary = await waitForPanel("agreement", (s) =>
        s.verdict.some((v) => FIXED_VERDICT.test(v)),
      );
      expect(summary.verdict.join(" ")).toContain("FastAPI app");
      expect(summary.sides.length).toBe(sidesNamed("session").length);
      await screenshot(`panel-${driver.browserName}-fixed.png`);
    });

    it("shows the Node side accepting Flask's cookie once it uses sessionlens/express (shared demo)", async () => {
      await demo.stop();
      demo = await startDemo({ variant: "shared" });
      await driver.clearCookies();
      await driver.storeSides(demo.sides);
      await driver.goto(`${demo.pythonUrl}/`);
      expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
      await waitForPanel("the new session row", hasHttpOnlySessionRow);
      await selectSessionRow();
      const summary = await waitForPanel("agreement", (s) =>
        s.verdict.some((v) => /All 3 sides accept this cookie/.test(v)),
      );
      expect(summary.verdict.join(" ")).toContain("Node app");
      expect(summary.sides.length).toBe(3);
      await screenshot(`panel-${driver.browserName}-shared.png`);
    });

    canaryTests({ driver, page: () => page, demo: () => demo });

    more({
      get demo() {
        return demo;
      },
      get page() {
        return page;
      },
      goto: (url) => driver.goto(url),
    });
  });
}
