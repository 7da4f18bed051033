/**
 * The canary, played by both browsers inside panelScenario's describe: a side declared in the
 * Sides tab with a secret made for this run, then the panel used on it (decode, verdict, the
 * secret audit). The secret must then be in storage.local (so the check can fail) and nowhere
 * else a test can see: no console line of any extension page or worker, no request URL or body
 * the browser saw, nothing in storage.sync, nothing in the panel's markup or other fields. A
 * request the extension tries is refused (connect-src 'none').
 */
import { randomBytes } from "node:crypto";
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { DEMO_SECRET } from "../demo/sides.mjs";
import type { RunningDemo } from "../demo/start.mjs";
import { pollUntil } from "./browsers.mjs";
import {
  auditOutcome,
  clickButton,
  fillLastSide,
  logProbe,
  placesInPanel,
  requestProbe,
  storageHolds,
} from "./canaryExpectations";
import {
  clickCookieRow,
  FLASK_USER,
  flaskSetSession,
  type PanelSummary,
  panelSummary,
  SELECTOR,
} from "./panelExpectations";
import type { PanelDriver } from "./panelScenario";
import { clickViewTab } from "./timelineExpectations";

/** What a browser let the test see since `PanelDriver.watch()`. */
export interface Watched {
  /** where the watcher reached (Chromium: CDP targets; Firefox: the processes it hooks) */
  targets: string[];
  /** console calls (their arguments as text) and the browser's own log lines */
  console: string[];
  /** each request: URL and body */
  requests: string[];
}

export interface CanaryContext {
  driver: PanelDriver;
  page: () => Page;
  demo: () => RunningDemo;
}

const LABEL = "Canary app";

export function canaryTests({ driver, page, demo }: CanaryContext): void {
  it("keeps a declared secret in storage.local and out of console, network, sync and the page", async () => {
    const canary = `canary-${randomBytes(12).toString("hex")}`;
    const probe = `probe-${randomBytes(6).toString("hex")}`;
    await driver.watch();
    const inPanel = <A extends unknown[], T>(what: string, fn: (...args: A) => T, ...args: A) =>
      pollUntil(() => driver.inPanel(fn, ...args), { what });

    await inPanel("the Sides tab", clickViewTab, "Sides");
    await inPanel("the Add side button", clickButton, "Add side");
    await inPanel("the new side's label", fillLastSide, "label", LABEL, null);
    await inPanel("the canary's secret field", fillLastSide, "secret", canary, LABEL);
    await pollUntil(async () => (await driver.inExtension(storageHolds, canary)).local, {
      what: "the canary side in storage.local",
    });

    await inPanel("the Cookies tab", clickViewTab, "Cookies");
    expect(await page().evaluate(flaskSetSession)).toContain(FLASK_USER);
    await inPanel("the session row", clickCookieRow, "session");
    const summary = await pollUntil(
      async () => {
        const s: PanelSummary = await driver.inPanel(panelSummary, SELECTOR);
        const judged = s.sides.some((side) => side.includes(LABEL));
        return judged && s.decoded.some((d) => d.includes(FLASK_USER)) ? s : null;
      },
      { what: "the decoded session with the canary side judged" },
    );
    expect(summary.verdict.join(" ")).toContain(LABEL);
    const audit = await pollUntil(() => driver.inPanel(auditOutcome), {
      what: "the secret audit's outcome (its workers and wasm under the CSP)",
      timeout: 60_000,
    });
    // the built-in list was bundled as text, and the demo's secret is one of the public ones
    expect([audit.found, audit.text]).toEqual([
      "true",
      expect.stringContaining(`"${DEMO_SECRET}"`),
    ]);

    const probeUrl = `${demo().pythonUrl}/csp-probe`;
    expect(await driver.inExtension(requestProbe, probeUrl)).toBe("refused");
    await driver.inPanel(logProbe, `${probe} panel`);
    await driver.inExtension(logProbe, `${probe} extension`);
    const seen = await driver.watched();

    // the watchers saw this run's console lines and requests, so seeing no canary means something
    for (const where of ["panel", "extension"]) {
      expect(seen.console.some((line) => line.includes(`${probe} ${where}`))).toBe(true);
    }
    expect(seen.requests.some((r) => r.includes("/flask-application/set-session"))).toBe(true);
    // the CSP refused the probe, and nothing the extension itself loads (styles, chunks, workers)
    const refusals = seen.console.filter((line) => /Content.Security.Policy/i.test(line));
    expect(refusals.some((line) => line.includes(probeUrl))).toBe(true);
    expect.soft(refusals.filter((line) => !line.includes(probeUrl))).toEqual([]);
    // soft: a leak is reported in every place it shows
    expect.soft(seen.console.filter((line) => line.includes(canary))).toEqual([]);
    expect.soft(seen.requests.filter((request) => request.includes(canary))).toEqual([]);
    expect
      .soft(await driver.inExtension(storageHolds, canary))
      .toEqual({ local: true, syncItems: 0 });
    // the Cookies view (verdict, decoded session, audit), then the Sides view with its field
    const cookiesView = await driver.inPanel(placesInPanel, canary);
    expect.soft([cookiesView.markup, cookiesView.webStorage]).toEqual([false, false]);
    await inPanel("the Sides tab", clickViewTab, "Sides");
    const sidesView = await pollUntil(
      async () => {
        const places = await driver.inPanel(placesInPanel, canary);
        return places.fields.length > 0 ? places : null;
      },
      { what: "the canary's secret field" },
    );
    expect.soft(sidesView).toEqual({
      markup: false,
      fields: [expect.stringMatching(/-secret$/)],
      webStorage: false,
    });
    await inPanel("the Cookies tab", clickViewTab, "Cookies");
  });
}
