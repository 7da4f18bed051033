/**
 * What the canary e2e drives and reads: the Sides tab by its form fields, where a text shows
 * up in the panel document and in the extension's storage, and two probes (a console line, a
 * request) that prove the watchers see what they must. Panel functions are sent as source text
 * and answer at once (Firefox runs them in a frame script, with the panel's `window` and
 * `document` bound), so each is self-contained; callers poll.
 */

/** Runs in the panel: clicks the button whose text is `text`; false while there is none. */
export function clickButton(text: string): boolean {
  const button = Array.from(document.querySelectorAll("button")).find(
    (b) => b.textContent?.trim() === text,
  );
  button?.click();
  return button !== undefined;
}

/**
 * Runs in the panel: types `value` into the `field` input (`label`, `secret`) of the last side
 * form and leaves it (input, then change), once that form is the one named `formLabel`, or any
 * last form when it is null. False while there is no such form yet.
 */
export function fillLastSide(field: string, value: string, formLabel: string | null): boolean {
  const forms = document.querySelectorAll("[data-testid=side-form]");
  const form = forms[forms.length - 1];
  if (!form || (formLabel !== null && form.getAttribute("aria-label") !== formLabel)) return false;
  const input = form.querySelector<HTMLInputElement>(`input[id$="-${field}"]`);
  if (!input) return false;
  input.value = value;
  for (const type of ["input", "change"]) {
    const event = document.createEvent("Event");
    event.initEvent(type, true, true);
    input.dispatchEvent(event);
  }
  return true;
}

export interface PanelPlaces {
  /** the document's markup: text, attributes, titles (not the fields' typed values) */
  markup: boolean;
  /** ids of the fields whose value holds it */
  fields: string[];
  /** the panel page's own localStorage / sessionStorage */
  webStorage: boolean;
}

/** Runs in the panel: where `text` is to be found in the panel page. */
export function placesInPanel(text: string): PanelPlaces {
  const fields = Array.from(
    document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"),
  );
  const stored = (s: Storage) =>
    Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i) ?? ""));
  return {
    markup: document.documentElement.outerHTML.includes(text),
    fields: fields.filter((f) => f.value.includes(text)).map((f) => f.id || f.tagName),
    webStorage: [...stored(window.localStorage), ...stored(window.sessionStorage)].some((v) =>
      v?.includes(text),
    ),
  };
}

/** Runs in the panel, an extension page or the service worker: one console line. */
export function logProbe(text: string): true {
  // In Firefox's frame script the panel's console is window's, not the script's own.
  (typeof window === "object" ? window : globalThis).console.info(text);
  return true;
}

interface StorageGlobal {
  browser?: StorageApi;
  chrome?: StorageApi;
}
interface StorageApi {
  storage: Record<"local" | "sync", { get(keys: null): Promise<Record<string, unknown>> }>;
}

/** Runs in an extension page or the service worker: storage.local holds `text`; storage.sync's size. */
export async function storageHolds(text: string): Promise<{ local: boolean; syncItems: number }> {
  const api = (globalThis as StorageGlobal).browser ?? (globalThis as StorageGlobal).chrome;
  const local = JSON.stringify(await api!.storage.local.get(null));
  const sync = await api!.storage.sync.get(null);
  return { local: local.includes(text), syncItems: Object.keys(sync).length };
}

/** Runs in an extension page or the service worker: a request to `url`, as an extension could make. */
export async function requestProbe(url: string): Promise<"sent" | "refused"> {
  try {
    await fetch(url);
    return "sent";
  } catch {
    return "refused";
  }
}

/**
 * Runs in the panel: the secret audit's outcome, or null while there is none; an idle audit is
 * started (a new value of the cookie, which the page may still be writing, resets it).
 */
export function auditOutcome(): { found: string | null; tried: number; text: string } | null {
  const result = document.querySelector("[data-testid=audit-result]");
  if (!result) {
    document.querySelector<HTMLButtonElement>("[data-testid=audit-start]")?.click();
    return null;
  }
  return {
    found: result.getAttribute("data-found"),
    tried: Number(result.getAttribute("data-tried")),
    text: result.textContent ?? "",
  };
}
