/**
 * The Timeline checks both browsers run: page-side requests that make the demo's races
 * happen, and panel-side readers of the `timeline-row` / `finding` test hooks. The panel-side
 * functions are sent as source text, so each is self-contained.
 */

/** Runs in the page: FastAPI writes its own session over Flask's. */
export async function fastapiSetSession(): Promise<string> {
  return (await fetch("/fastapi-application/set-session?user=bob")).text();
}

/** Runs in the page: Flask logs out, which deletes the cookie whoever wrote it. */
export async function flaskDeleteSession(): Promise<string> {
  return (await fetch("/flask-application/delete-session")).text();
}

/** Runs in the page: two Flask writes at once; the slow one started first and finishes last. */
export async function concurrentFlaskWrites(): Promise<string[]> {
  const slow = fetch("/flask-application/set-session?user=slow&delay=0.8").then((r) => r.text());
  await new Promise((resolve) => setTimeout(resolve, 100));
  const fast = fetch("/flask-application/set-session?user=fast").then((r) => r.text());
  return Promise.all([slow, fast]);
}

/** Runs in the panel: clicks the view tab whose text starts with `name`. */
export function clickViewTab(name: string): boolean {
  const tab = [...document.querySelectorAll<HTMLElement>("[role=tab]")].find((t) =>
    (t.textContent ?? "").startsWith(name),
  );
  tab?.click();
  return tab !== undefined;
}

/**
 * Runs in the panel: "Show rows" on the newest finding of `kind`, which scrolls the rows to its
 * evidence, and brings the finding itself into view.
 */
export function showFindingRows(kind: string): boolean {
  const finding = document.querySelector(`[data-testid=finding][data-kind="${kind}"]`);
  const button = finding?.querySelector<HTMLButtonElement>("button");
  button?.click();
  finding?.scrollIntoView({ block: "start" });
  return button !== undefined && button !== null;
}

export interface TimelineSummary {
  rows: { seq: string; writer: string; path: string; diff: string }[];
  findings: { kind: string; evidence: string; text: string; fix: string }[];
}

/** Runs in the panel. */
export function timelineSummary(): TimelineSummary {
  const rows = [...document.querySelectorAll<HTMLElement>("[data-testid=timeline-row]")].map(
    (r) => ({
      seq: r.dataset.seq ?? "",
      writer: r.dataset.writer ?? "",
      path: r.dataset.requestPath ?? "",
      diff: r.querySelector("[data-testid=session-diff]")?.textContent ?? "",
    }),
  );
  const findings = [...document.querySelectorAll<HTMLElement>("[data-testid=finding]")].map(
    (f) => ({
      kind: f.dataset.kind ?? "",
      evidence: f.dataset.evidence ?? "",
      text: f.textContent ?? "",
      fix: f.querySelector("[data-testid=finding-fix]")?.textContent ?? "",
    }),
  );
  return { rows, findings };
}
