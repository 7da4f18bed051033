/**
 * The weak-secret audit, played by both browsers inside panelScenario's describe (the broken
 * demo is running): with the Flask side's secret wrong, "Audit secret" on the Flask session
 * finds the demo's published secret in the built-in list in the panel's own worker, "Save the
 * secret to its side" stores it, and the Flask side then accepts the cookie. UI only, by
 * data-testid; the panel-side functions are sent as source text, so each is self-contained.
 */
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { DEMO_SECRET, type DemoSide } from "../demo/sides.mjs";
import { pollUntil } from "./browsers.mjs";
import { flaskSetSession } from "./panelExpectations";
import type { PanelDriver } from "./panelScenario";

export interface AuditContext {
  driver: PanelDriver;
  page: () => Page;
  /** Restarts the broken demo with its sides changed by `changeSides`, and opens its page. */
  restartDemo: (changeSides: (sides: DemoSide[]) => DemoSide[]) => Promise<void>;
  selectSessionRow: () => Promise<unknown>;
  screenshot: (name: string) => Promise<void>;
}

interface AuditView {
  result: { found: string; text: string } | null;
  saved: string | null;
  flaskOutcome: string | null;
}

/** Runs in the panel. */
function auditView(): AuditView {
  const result = document.querySelector<HTMLElement>("[data-testid=audit-result]");
  const flask = document.querySelector<HTMLElement>(
    "[data-testid=side-row][data-side-id=flask-app]",
  );
  return {
    result: result ? { found: result.dataset.found ?? "", text: result.textContent ?? "" } : null,
    saved: document.querySelector("[data-testid=audit-saved]")?.textContent ?? null,
    flaskOutcome: flask?.dataset.outcome ?? null,
  };
}

/** Runs in the panel. */
function scrollToTestId(testid: string): boolean {
  const element = document.querySelector<HTMLElement>(`[data-testid=${testid}]`);
  element?.scrollIntoView({ block: "center" });
  return element !== null;
}

/** Runs in the panel. */
function clickTestId(testid: string): boolean {
  const button = document.querySelector<HTMLElement>(`[data-testid=${testid}]`);
  button?.click();
  return button !== null;
}

interface StorageGlobal {
  browser?: { storage: { local: { get(keys: string): Promise<Record<string, unknown>> } } };
  chrome?: StorageGlobal["browser"];
}

/**
 * Runs where the extension's APIs are: the stored secret of the Flask side of `origin`. Only
 * that origin's: the earlier demos' origins hold the published secret too.
 */
async function storedFlaskSecret(origin: string): Promise<string | null> {
  const api = (globalThis as StorageGlobal).browser ?? (globalThis as StorageGlobal).chrome;
  const key = `sides:${origin}`;
  const stored = ((await api!.storage.local.get(key))[key] ?? []) as {
    id: string;
    secret?: { value: string };
  }[];
  return stored.find((s) => s.id === "flask-app")?.secret?.value ?? null;
}

/** What the Flask side is given before the audit finds the real one. */
const WRONG_SECRET = "not-the-secret";

export function auditTests({
  driver,
  page,
  restartDemo,
  selectSessionRow,
  screenshot,
}: AuditContext): void {
  const view = (what: string, ok: (v: AuditView) => boolean) =>
    pollUntil(
      async () => {
        const v = await driver.inPanel(auditView);
        return ok(v) ? v : null;
      },
      { what: `the panel to show ${what}`, timeout: 60_000 },
    );

  it("audits the Flask session, finds the demo's published secret and saves it to the side", async () => {
    await restartDemo((sides) =>
      sides.map((s) =>
        s.id === "flask-app" ? { ...s, secret: { value: WRONG_SECRET, encoding: "utf8" } } : s,
      ),
    );
    expect(await page().evaluate(flaskSetSession)).toBeTruthy();
    await selectSessionRow();
    await view("the Flask side rejecting the cookie", (v) => v.flaskOutcome === "bad-signature");
    expect(
      await pollUntil(() => driver.inPanel(clickTestId, "audit-start"), { what: "Audit secret" }),
    ).toBe(true);
    const found = await view("the audit's result", (v) => v.result !== null);
    expect(found.result?.found, found.result?.text).toBe("true");
    expect(found.result?.text).toContain(JSON.stringify(DEMO_SECRET));
    // the result is below the side rows: bring it into the screenshot
    expect(await driver.inPanel(scrollToTestId, "audit-result")).toBe(true);
    await screenshot(`audit-${driver.browserName}.png`);
    const origin = new URL(page().url()).origin;
    expect(await driver.inExtension(storedFlaskSecret, origin)).toBe(WRONG_SECRET);
    expect(await driver.inPanel(clickTestId, "audit-save")).toBe(true);
    const saved = await view("the Flask side accepting", (v) => v.flaskOutcome === "accepts");
    expect(saved.saved).toBe("Saved to Flask app.");
    expect(await driver.inExtension(storedFlaskSecret, origin)).toBe(DEMO_SECRET);
  });
}
