/**
 * The declare story, played by both browsers inside panelScenario's describe: on a site with no
 * sides yet (the demo served as `localhost`, another origin than the 127.0.0.1 the sides were
 * stored for), select the Flask cookie, declare the app that wrote it, type its secret while
 * the Flask app keeps re-writing the cookie, see the verdict follow and the typed text survive,
 * remove the side and undo; then the same panel laid out 700 px wide cuts nothing.
 */
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { DEMO_SECRET } from "../demo/sides.mjs";
import type { RunningDemo } from "../demo/start.mjs";
import { pollUntil } from "./browsers.mjs";
import {
  type DeclareAction,
  type DeclareState,
  declareAction,
  declareState,
  overflowAt,
  resetWidth,
} from "./declareExpectations";
import { FLASK_USER, flaskSetSession, loggedSetCookies } from "./panelExpectations";
import type { PanelDriver } from "./panelScenario";

export interface DeclareContext {
  driver: PanelDriver;
  page: () => Page;
  demo: () => RunningDemo;
  selectSessionRow: (domain?: string) => Promise<unknown>;
  screenshot: (name: string) => Promise<void>;
}

const ACCEPTS = "Flask app accepts this cookie.";

export function declareTests({ driver, page, demo, selectSessionRow, screenshot }: DeclareContext) {
  const act = (action: DeclareAction) =>
    pollUntil(() => driver.inPanel(declareAction, action), {
      what: `the panel to let the test ${action.kind}`,
    });
  // A timeout names the last state the panel showed, so a failure says what was on screen.
  const waitDeclare = async (what: string, ok: (s: DeclareState) => boolean) => {
    let last: DeclareState | null = null;
    try {
      return await pollUntil(
        async () => {
          last = await driver.inPanel(declareState);
          return ok(last) ? last : null;
        },
        { what: `the panel to show ${what}` },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; it showed ${JSON.stringify(last)}`);
    }
  };

  it("declares the app that wrote the cookie, keeps the secret typed while Flask re-writes it, removes and undoes", async () => {
    const fresh = demo().pythonUrl.replace("127.0.0.1", "localhost");
    await driver.goto(`${fresh}/`);
    expect(await page().evaluate(flaskSetSession)).toContain(FLASK_USER);
    // The request that set it reaches the panel from DevTools' network log, as it does here.
    await pollUntil(
      async () => {
        const seen = await driver.inExtension(loggedSetCookies, "/flask-application/set-session");
        return seen.some((s) => s.request.url.startsWith(fresh));
      },
      { what: "DevTools to report the request that set the cookie" },
    );
    // The panel may list the old host until DevTools reports the navigation: pick this host's row.
    await selectSessionRow("localhost");
    await waitDeclare("that no app is declared on this site", (s) =>
      /^No apps are declared/.test(s.verdict),
    );
    await act({ kind: "declare" });
    const declared = await waitDeclare("the declare form", (s) => s.form !== null);
    expect(declared.form).toEqual({
      label: "Flask app",
      format: "flask",
      cookieName: "session",
      pathPrefix: "/flask-application",
      secret: "",
      secretFocused: true,
    });

    // The app keeps writing its cookie (a new value each time) while the secret is typed.
    const parts = [DEMO_SECRET.slice(0, 5), DEMO_SECRET.slice(5, 12), DEMO_SECRET.slice(12)];
    let typed = "";
    for (const part of parts) {
      typed += part;
      await act({ kind: "type-secret", text: typed });
      const before = (await driver.inPanel(declareState)).rawValue;
      await page().evaluate(flaskSetSession);
      const after = await waitDeclare("the re-written cookie", (s) => s.rawValue !== before);
      expect(after.form?.secret).toBe(typed);
    }
    await act({ kind: "commit-secret" });
    const accepted = await waitDeclare("the declared side accepting", (s) => s.verdict === ACCEPTS);
    expect(accepted.form?.secret).toBe(DEMO_SECRET);
    await screenshot(`declare-${driver.browserName}.png`);

    await act({ kind: "remove" });
    const removed = await waitDeclare("the removal", (s) => s.removed !== null);
    expect(removed.removed).toContain("Removed Flask app");
    expect(removed.form).toBeNull();
    expect(removed.verdict).toMatch(/^No apps are declared/);
    await act({ kind: "undo" });
    const undone = await waitDeclare("the side back", (s) => s.verdict === ACCEPTS);
    expect(undone.removed).toBeNull();
    expect(undone.form?.secret).toBe(DEMO_SECRET);
  });

  it("wraps the reading and the paths at a 700 px panel instead of cutting them", async () => {
    const layout = await driver.inPanel(overflowAt, 700);
    try {
      expect(layout.checked).toBeGreaterThan(8);
      expect(layout.cut).toEqual([]);
    } finally {
      await driver.inPanel(resetWidth);
    }
  });
}
