/**
 * What both browsers' tests look for in the panel, in one place: the data-testids the panel UI
 * exposes, the verdict wording (src/analysis/verdict.ts) for the broken and fixed demos, and
 * the page-side helpers that set and clear many cookies for the render-time measurement.
 */
export const SELECTOR = {
  cookieRow: "[data-testid=cookie-row]",
  decoded: "[data-testid=decoded]",
  sideRow: "[data-testid=side-row]",
  verdict: "[data-testid=verdict]",
} as const;

/** Broken demo: Flask wrote the cookie; Starlette's SessionMiddleware cannot verify it. */
export const BROKEN_VERDICT = /FastAPI app[^.]*cannot read this cookie/;
/** Fixed demo: FastAPI speaks Flask's format, so both apps read the same session. */
export const FIXED_VERDICT = /All \d+ sides accept this cookie/;
/** The user Flask's `/set-session` stores by default (demo/python/flask_side.py). */
export const FLASK_USER = "alice";

export const FILLER_COUNT = 50;

/** Runs in the page: sets `count` small cookies `filler_00…` (path /). */
export function setFillerCookies(count: number): number {
  for (let i = 0; i < count; i++) {
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays a page script setting cookies.
    document.cookie = `filler_${String(i).padStart(2, "0")}=value-${i}; path=/; SameSite=Lax`;
  }
  return document.cookie.split(";").length;
}

/** Runs in the page: removes the filler cookies again. */
export function clearFillerCookies(count: number): void {
  for (let i = 0; i < count; i++) {
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays a page script removing cookies.
    document.cookie = `filler_${String(i).padStart(2, "0")}=; path=/; max-age=0`;
  }
}

/** Runs in the page: a Flask request that (re)writes the shared `session` cookie. */
export async function flaskSetSession(): Promise<string> {
  const response = await fetch("/flask-application/set-session");
  return response.text();
}

export interface CookieRowSummary {
  name: string;
  httpOnly: boolean;
}

export interface PanelSummary {
  rows: CookieRowSummary[];
  decoded: string[];
  sides: string[];
  verdict: string[];
}

/*
 * The functions below run in the panel document (sent as source text, so self-contained; the
 * Firefox helper binds `document`, `window` and `performance` to the panel's).
 */

export function panelSummary(selector: typeof SELECTOR): PanelSummary {
  const texts = (css: string) =>
    Array.from(document.querySelectorAll(css), (el) => el.textContent ?? "");
  const rows = Array.from(document.querySelectorAll(selector.cookieRow), (row) => ({
    name: row.getAttribute("data-cookie-name") ?? "",
    // The HttpOnly flag in the name cell (src/panel/components/CookieTable/CookieRow.tsx).
    httpOnly: row.querySelector('[title^="HttpOnly"]') !== null,
  }));
  return {
    rows,
    decoded: texts(selector.decoded),
    sides: texts(selector.sideRow),
    verdict: texts(selector.verdict),
  };
}

export interface FirstRender {
  rows: number;
  /** ms since the panel document started: main.tsx ran, the cookie list arrived, rows were on screen */
  scriptMs: number;
  listedMs: number | null;
  /** Where the first listing came from: the devtools page's handoff or the background. */
  listedFrom: string;
  renderedMs: number;
}

/** The first-render marks main.tsx and the host record, and the rows now (runs in the panel). */
export function firstRenderMark(): FirstRender | null {
  const rendered = performance.getEntriesByName("session-lens:rows-rendered")[0];
  if (!rendered) return null;
  const listed = performance.getEntriesByName("session-lens:cookies-listed")[0];
  return {
    rows: document.querySelectorAll("[data-testid=cookie-row]").length,
    scriptMs: performance.getEntriesByName("session-lens:main")[0]?.startTime ?? 0,
    listedMs: listed ? listed.startTime : null,
    listedFrom: String((listed as PerformanceMark | undefined)?.detail?.source ?? "?"),
    renderedMs: rendered.startTime,
  };
}

/** One printed line per browser: the render itself, then where the rest of the time went. */
export function describeFirstRender(
  browserName: string,
  m: FirstRender,
  sinceOpenMs: number,
): string {
  const render = m.listedMs === null ? "?" : (m.renderedMs - m.listedMs).toFixed(0);
  const listed = m.listedMs === null ? "?" : m.listedMs.toFixed(0);
  return (
    `[${browserName}] first render of ${m.rows} cookie rows: ${render} ms from the cookie list arriving to the rows on screen; ` +
    `${m.renderedMs.toFixed(0)} ms after the panel document started (script ran at ${m.scriptMs.toFixed(0)} ms, ` +
    `cookies listed at ${listed} ms, from the ${m.listedFrom}); ${sinceOpenMs} ms from opening DevTools to all rows seen by the test`
  );
}

/**
 * Selects the row of the cookie called `name` (on `domain`, when given) with a click; false
 * while there is no such row. Name the domain after a navigation to another host: until the
 * panel re-lists, the old host's row is still on screen, and a selection made there is dropped
 * with it.
 */
export function clickCookieRow(name: string, domain?: string | null): boolean {
  // Firefox's driver hands an omitted argument over as null, Chromium's as undefined.
  const ofDomain = domain ? `[data-cookie-domain="${domain}"]` : "";
  const row = document.querySelector<HTMLElement>(
    `[data-testid=cookie-row][data-cookie-name="${name}"]${ofDomain}`,
  );
  if (row && row.getAttribute("aria-selected") !== "true") row.click();
  return row !== null;
}

/** The `session` row shows the Flask cookie as HttpOnly. */
export function hasHttpOnlySessionRow(summary: PanelSummary): boolean {
  return summary.rows.some((row) => row.name === "session" && row.httpOnly);
}

/** The extension API surface the extension-page helpers below use (Chrome and Firefox alike). */
interface ExtensionStorageGlobal {
  browser?: ExtensionStorageApi;
  chrome?: ExtensionStorageApi;
}
interface ExtensionStorageApi {
  storage: {
    local: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
    session: { get(keys: null): Promise<Record<string, unknown>> };
  };
}

/** Runs in an extension page or the service worker: writes storage.local. */
export async function setExtensionStorage(items: Record<string, unknown>): Promise<true> {
  const api =
    (globalThis as ExtensionStorageGlobal).browser ?? (globalThis as ExtensionStorageGlobal).chrome;
  await api!.storage.local.set(items);
  return true;
}

/** Runs in an extension page or the service worker: the panel's stored preferences. */
export async function storedColumns(): Promise<string[] | null> {
  const api =
    (globalThis as ExtensionStorageGlobal).browser ?? (globalThis as ExtensionStorageGlobal).chrome;
  const stored = (await api!.storage.local.get("preferences")).preferences as
    | { columns?: string[] }
    | undefined;
  return stored?.columns ?? null;
}

/**
 * Runs in the panel: opens *Columns* if it is closed and flips the column labelled `label`;
 * answers whether it is on now, or null when there is no such checkbox.
 */
export function toggleColumn(label: string): boolean | null {
  if (!document.querySelector("[data-testid=column-picker]")) {
    const open = [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) =>
      /^Columns/.test(b.textContent ?? ""),
    );
    open?.click();
  }
  const box = [...document.querySelectorAll<HTMLLabelElement>("[data-testid=column-picker] label")]
    .find((l) => l.textContent?.trim() === label)
    ?.querySelector("input");
  if (!box) return null;
  box.click();
  return box.checked;
}

/** The stored shape of a sighting (src/model/change.ts SetCookieSeen), as far as tests read it. */
export interface SetCookieSeenSummary {
  seq: number;
  request: { url: string; startedAt: number; durationMs: number };
  setCookies: string[];
}

/**
 * Runs in an extension page or the service worker: the Set-Cookie sightings the background
 * logged (from the devtools page) for responses whose URL ends with `suffix`.
 */
export async function loggedSetCookies(suffix: string): Promise<SetCookieSeenSummary[]> {
  const api =
    (globalThis as ExtensionStorageGlobal).browser ?? (globalThis as ExtensionStorageGlobal).chrome;
  const all = await api!.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith("seen:"))
    .flatMap(([, list]) => list as SetCookieSeenSummary[])
    .filter((seen) => seen.request.url.endsWith(suffix));
}

/** The "needs access" state for `origin`, or null when the panel does not show it. */
export function noPermissionText(): string | null {
  return document.querySelector("[data-testid=no-permission]")?.textContent ?? null;
}

/** Clicks the panel's "Allow…" button (the user gesture host access needs). */
export function clickAllowAccess(): boolean {
  const button = document.querySelector<HTMLElement>("[data-testid=no-permission] button");
  button?.click();
  return button !== null;
}

/** Runs in an extension page or the service worker: logged changes to cookies called `name`. */
export async function loggedChanges(name: string): Promise<{ removed: boolean; cause: string }[]> {
  const api =
    (globalThis as ExtensionStorageGlobal).browser ?? (globalThis as ExtensionStorageGlobal).chrome;
  const all = await api!.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith("changes:"))
    .flatMap(([, list]) => list as { removed: boolean; cause: string; cookie: { name: string } }[])
    .filter((change) => change.cookie.name === name)
    .map(({ removed, cause }) => ({ removed, cause }));
}

/** Runs in the panel: resolves after the next two frames (one painted), or after 2 s hidden. */
export function nextPaint(): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 2000);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve(true);
      }),
    );
  });
}
