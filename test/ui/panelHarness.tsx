/**
 * Renders the whole panel over the inline shell's fake host, with a pinned clock, and gives the
 * tests short ways to reach rows and the details pane.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach } from "vitest";
import { App } from "../../src/panel/App";
import { createFakeHost, type FakeHostOptions } from "../../src/shells/inline/fakeHost";

afterEach(() => cleanup());

/** 2026-01-01T03:25:45Z, the golden vectors' clock. */
export const NOW_MS = 1_767_237_945_000;

export async function renderPanel(opts: FakeHostOptions = {}) {
  const host = createFakeHost({ now: NOW_MS, ...opts });
  const view = render(<App host={host} now={() => NOW_MS} />);
  return { host, view };
}

export async function rows(): Promise<HTMLElement[]> {
  return screen.findAllByTestId("cookie-row");
}

export function rowFor(name: string, path = "/"): HTMLElement {
  const row = screen
    .getAllByTestId("cookie-row")
    .find((r) => r.dataset.cookieName === name && r.dataset.cookiePath === path);
  if (!row) throw new Error(`no row for ${name} on ${path}`);
  return row;
}

export async function selectCookie(name: string, path = "/") {
  await rows();
  fireEvent.click(rowFor(name, path));
  return screen.findByTestId("decoded");
}

export async function openSides() {
  fireEvent.click(screen.getByRole("tab", { name: /Sides/ }));
  return screen.findAllByTestId("side-form");
}

export function sideForm(label: string): HTMLElement {
  return screen.getByRole("group", { name: label });
}

/** The cookie table's column headers, in order. */
export const tableHeaders = () =>
  within(screen.getByRole("table", { name: "Cookies" }))
    .getAllByRole("columnheader")
    .map((th) => th.textContent);

export const verdictText = () => screen.getByTestId("verdict").textContent ?? "";

export { fireEvent, screen, waitFor, within };
