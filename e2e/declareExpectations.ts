/**
 * What the declare e2e drives and reads in the panel: the declare button and form, the secret
 * field, Remove and its Undo, and the layout at a 700 px panel. The panel functions are sent as
 * source text and run synchronously (Firefox runs them in a frame script), so each is
 * self-contained and answers at once; callers poll. Events are made with the panel document's
 * own createEvent so they work from a Firefox frame script too.
 */

export interface DeclareState {
  verdict: string;
  /** The declare form's fields, or null while it is not shown. */
  form: {
    label: string;
    format: string;
    cookieName: string;
    pathPrefix: string;
    secret: string;
    secretFocused: boolean;
  } | null;
  rawValue: string;
  removed: string | null;
}

/** Runs in the panel. */
export function declareState(): DeclareState {
  const form = document.querySelector("[data-testid=declare-form]");
  const field = (suffix: string) =>
    form?.querySelector<HTMLInputElement | HTMLSelectElement>(`[id$="-${suffix}"]`) ?? null;
  const secret = field("secret");
  return {
    verdict: document.querySelector("[data-testid=verdict]")?.textContent ?? "",
    form: form
      ? {
          label: field("label")?.value ?? "",
          format: field("format")?.value ?? "",
          cookieName: field("cookieName")?.value ?? "",
          pathPrefix: field("pathPrefix")?.value ?? "",
          secret: secret?.value ?? "",
          secretFocused: secret !== null && document.activeElement === secret,
        }
      : null,
    rawValue: document.querySelector("[data-testid=raw-value]")?.textContent ?? "",
    removed: document.querySelector("[data-testid=removed-side]")?.textContent ?? null,
  };
}

export type DeclareAction =
  | { kind: "declare" }
  | { kind: "type-secret"; text: string }
  | { kind: "commit-secret" }
  | { kind: "remove" }
  | { kind: "undo" };

/** Runs in the panel: one action as a person does it; false when its element is not there. */
export function declareAction(action: DeclareAction): boolean {
  const fire = (el: Element, type: string) => {
    const event = document.createEvent("Event");
    event.initEvent(type, true, true);
    el.dispatchEvent(event);
  };
  const form = document.querySelector("[data-testid=declare-form]");
  const secret = form?.querySelector<HTMLInputElement>('[id$="-secret"]') ?? null;
  const click = (el: HTMLElement | null | undefined) => {
    el?.click();
    return Boolean(el);
  };
  switch (action.kind) {
    case "declare":
      return click(document.querySelector<HTMLElement>("[data-testid=declare-side]"));
    case "type-secret":
      // Typing: the field's text changes and an input event fires; nothing is committed yet.
      if (!secret) return false;
      secret.value = action.text;
      fire(secret, "input");
      return true;
    case "commit-secret":
      if (!secret) return false;
      fire(secret, "change");
      return true;
    case "remove": {
      const buttons = Array.from(form?.querySelectorAll<HTMLElement>("button") ?? []);
      const label = (form?.querySelector<HTMLInputElement>('[id$="-label"]')?.value ?? "") || "?";
      return click(buttons.find((b) => b.textContent === `Remove ${label}`));
    }
    case "undo":
      return click(document.querySelector<HTMLElement>("[data-testid=undo-remove]"));
  }
}

export interface Overflow {
  what: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Runs in the panel: lays the panel out `width` px wide and lists every cell of the cookie
 * and agreement tables (and the raw value) whose content is wider than its box, i.e. cut.
 */
export function overflowAt(width: number): { checked: number; cut: Overflow[] } {
  document.documentElement.style.width = `${width}px`;
  const selectors = [
    "[data-testid=cookie-row] td",
    "[data-testid=side-row] td",
    "[data-testid=raw-value]",
    "[data-testid=verdict]",
  ];
  const cells = Array.from(document.querySelectorAll<HTMLElement>(selectors.join(", ")));
  const cut = cells
    .filter((el) => el.scrollWidth > el.clientWidth)
    .map((el) => ({
      what: (el.textContent ?? "").slice(0, 60),
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
  return { checked: cells.length, cut };
}

/** Runs in the panel: back to the panel's own width. */
export function resetWidth(): boolean {
  document.documentElement.style.width = "";
  return true;
}
