/**
 * What the editor e2e drives and reads in the panel, through the data-testids of the "Edit and
 * write back" contract only. The panel functions are sent as source text and run synchronously
 * (Firefox runs them in a frame script), so each is self-contained and answers at once; callers
 * poll. Events are made with the panel document's own createEvent so they work from a Firefox
 * frame script too.
 */

export type EditorAction =
  | { kind: "click"; testid: string; index?: number }
  | { kind: "replace-raw"; find: string; replace: string }
  | { kind: "select"; testid: string; optionPrefix: string };

/** Runs in the panel: performs one action; false when its element is not there (yet). */
export function editorAction(action: EditorAction): boolean {
  const fire = (el: Element, type: string) => {
    const event = document.createEvent("Event");
    event.initEvent(type, true, true);
    el.dispatchEvent(event);
  };
  const byId = (id: string) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`));
  if (action.kind === "click") {
    const el = byId(action.testid)[action.index ?? 0] as
      | HTMLButtonElement
      | HTMLInputElement
      | undefined;
    if (!el || el.disabled) return false;
    el.click();
    return true;
  }
  if (action.kind === "replace-raw") {
    const raw = byId("session-editor-raw")[0] as HTMLTextAreaElement | undefined;
    if (!raw?.value.includes(action.find)) return false;
    raw.value = raw.value.replace(action.find, action.replace);
    fire(raw, "input");
    return true;
  }
  const select = byId(action.testid)[0] as HTMLSelectElement | undefined;
  const option = Array.from(select?.options ?? []).find((o) =>
    (o.textContent ?? "").startsWith(action.optionPrefix),
  );
  if (!select || !option) return false;
  select.value = option.value;
  fire(select, "change");
  return true;
}

export interface EditorState {
  open: boolean;
  signFor: string | null;
  resignIdentical: string | null;
  warnings: string[];
  errors: string[];
  result: { ok: string | null; count: number; text: string } | null;
  historyRows: number;
}

/** Runs in the panel: the editor as a user sees it. */
export function editorState(): EditorState {
  const one = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const all = (id: string) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`));
  const select = one("sign-for") as HTMLSelectElement | null;
  const result = one("write-result");
  return {
    open: one("session-editor") !== null,
    signFor: select?.selectedOptions[0]?.textContent ?? null,
    resignIdentical: one("resign-check")?.getAttribute("data-identical") ?? null,
    warnings: all("sign-warnings").flatMap((ul) =>
      Array.from(ul.querySelectorAll("li"), (li) => li.textContent ?? ""),
    ),
    errors: all("editor-error").map((e) => e.textContent ?? ""),
    result: result
      ? {
          ok: result.getAttribute("data-ok"),
          count: Number(result.getAttribute("data-count") ?? 0),
          text: result.textContent ?? "",
        }
      : null,
    historyRows: all("history-row").length,
  };
}

export interface JarCookie {
  value: string;
  path: string;
  httpOnly: boolean;
  sameSite: string;
  hostOnly: boolean;
  session: boolean;
}

interface CookiesGlobal {
  browser?: CookiesApi;
  chrome?: CookiesApi;
}
interface CookiesApi {
  cookies: { getAll(query: { name: string }): Promise<JarCookie[]> };
}

/** Runs in an extension page or the service worker: the jar's cookies called `name`. */
export async function jarCookies(name: string): Promise<JarCookie[]> {
  const api = (globalThis as CookiesGlobal).browser ?? (globalThis as CookiesGlobal).chrome;
  const cookies = await api!.cookies.getAll({ name });
  return cookies.map(({ value, path, httpOnly, sameSite, hostOnly, session }) => ({
    value,
    path,
    httpOnly,
    sameSite,
    hostOnly,
    session,
  }));
}

/** Runs in the page: what an app route answers (the app reads the cookie the browser sends). */
export async function fetchJson(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(path);
  return (await response.json()) as Record<string, unknown>;
}
