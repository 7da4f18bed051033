/**
 * Firefox with first-party isolation on (`privacy.firstparty.isolate`, as Tor Browser and
 * hardened profiles run it). There every cookies call must name a first party or Firefox
 * throws, which once left the panel listing no cookies at all. Against the real demo: the
 * panel lists Flask's HttpOnly session with its verdict, and an edit written back through the
 * panel is read by the real Flask app.
 */
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../demo/start.mjs";
import { pollUntil, sidesStorage } from "./browsers.mjs";
import { type EditorAction, editorAction, editorState, fetchJson } from "./editorExpectations";
import {
  evalInPanel,
  type FirefoxSession,
  inExtensionPage,
  launchFirefox,
  openFirefoxPanel,
} from "./firefox-devtools";
import {
  BROKEN_VERDICT,
  clickCookieRow,
  FLASK_USER,
  flaskSetSession,
  hasHttpOnlySessionRow,
  panelSummary,
  SELECTOR,
  setExtensionStorage,
} from "./panelExpectations";

let session: FirefoxSession;
let page: Page;
let demo: RunningDemo;
let pageUrl: string;

beforeAll(async () => {
  [demo, session] = await Promise.all([
    startDemo(),
    launchFirefox({ "privacy.firstparty.isolate": true }),
  ]);
  page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await inExtensionPage(session, setExtensionStorage, sidesStorage(demo.sides));
  pageUrl = `${demo.pythonUrl}/`;
  await page.goto(pageUrl);
});

afterAll(async () => {
  await session?.browser.close();
  await demo?.stop();
});

it("lists the demo's session and its verdict with first-party isolation on", async () => {
  expect(await page.evaluate(flaskSetSession)).toContain(FLASK_USER);
  await openFirefoxPanel(session, pageUrl);
  await pollUntil(
    async () => {
      const summary = await evalInPanel(session, pageUrl, panelSummary, SELECTOR);
      return hasHttpOnlySessionRow(summary) ? summary : null;
    },
    { what: "the HttpOnly session row under first-party isolation" },
  );
  await pollUntil(() => evalInPanel(session, pageUrl, clickCookieRow, "session", null), {
    what: "the session row",
  });
  await pollUntil(
    async () => {
      const summary = await evalInPanel(session, pageUrl, panelSummary, SELECTOR);
      return summary.verdict.some((v) => BROKEN_VERDICT.test(v)) ? summary : null;
    },
    { what: "the verdict" },
  );
});

it("writes an edited session back under first-party isolation, and Flask reads it", async () => {
  const act = (action: EditorAction) =>
    pollUntil(() => evalInPanel(session, pageUrl, editorAction, action), {
      what: `the panel to ${action.kind} ${"testid" in action ? action.testid : "the typed JSON"}`,
    });
  await act({ kind: "click", testid: "edit-session" });
  await act({ kind: "replace-raw", find: '"user": "alice"', replace: '"user": "isolated"' });
  await act({ kind: "click", testid: "write-cookie" });
  const state = await pollUntil(
    async () => {
      const s = await evalInPanel(session, pageUrl, editorState);
      return s.result ? s : null;
    },
    { what: "the write's outcome" },
  );
  expect(state.result?.ok, state.result?.text).toBe("true");
  const seen = await page.evaluate(fetchJson, "/flask-application/get-session");
  expect(seen).toMatchObject({ user: "isolated" });
});
