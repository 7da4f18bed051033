/**
 * What a new user hit in the first minutes (issue 8): typing thrown away when a cookie changed,
 * and the selected cookie lost on every view switch.
 */
import { act, render } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { UnsupportedPage } from "../../src/panel/components/States/UnsupportedPage";
import { demoCookie, flaskCookie } from "../../src/shells/inline/scenario";
import {
  fireEvent,
  NOW_MS,
  openSides,
  renderPanel,
  rows,
  screen,
  selectCookie,
  sideForm,
  waitFor,
  within,
} from "./panelHarness";

/** Types `text` as a person does: the field's value changes and an input event fires, no commit. */
function type(field: HTMLElement, text: string) {
  fireEvent.input(field, { target: { value: text } });
}

/** Lets the host's cookie change reach the panel: the re-list and the render after it. */
async function cookieChanged(listCookies: { mock: { calls: unknown[] } }, before: number) {
  await waitFor(() => expect(listCookies.mock.calls.length).toBeGreaterThan(before));
  await act(async () => {});
}

describe("typing survives cookie changes", () => {
  it("keeps a half-typed Secret while the app re-sets its cookie, commits it on blur", async () => {
    const { host } = await renderPanel();
    await rows();
    const listCookies = vi.spyOn(host, "listCookies");
    await openSides();
    const secret = within(sideForm("Flask app")).getByLabelText("Secret") as HTMLInputElement;
    secret.focus();
    type(secret, "super-");
    const before = listCookies.mock.calls.length;
    host.setCookie(flaskCookie(NOW_MS / 1000 + 1));
    await cookieChanged(listCookies, before);
    expect(secret.value).toBe("super-");
    type(secret, "super-secret");
    fireEvent.blur(secret);
    await waitFor(() =>
      expect(host.savedSides.get("http://127.0.0.1:8000")?.[0]?.secret?.value).toBe("super-secret"),
    );
    expect(secret.value).toBe("super-secret");
  });

  it("keeps a Label being typed when the page sets an unrelated cookie", async () => {
    const { host } = await renderPanel();
    await rows();
    const listCookies = vi.spyOn(host, "listCookies");
    await openSides();
    const label = within(sideForm("Flask app")).getByLabelText("Label") as HTMLInputElement;
    type(label, "Flask (old");
    const before = listCookies.mock.calls.length;
    host.setCookie(demoCookie("csrftoken", "abc", { httpOnly: false }));
    await cookieChanged(listCookies, before);
    expect(label.value).toBe("Flask (old");
    fireEvent.change(label, { target: { value: "Flask (old app)" } });
    expect(screen.getByRole("group", { name: "Flask (old app)" })).toBeTruthy();
  });
});

describe("the selected cookie", () => {
  it("stays selected across Cookies → Sides → Cookies", async () => {
    await renderPanel();
    await selectCookie("session", "/fastapi-application");
    await openSides();
    fireEvent.click(screen.getByRole("tab", { name: "Cookies" }));
    const decoded = await screen.findByTestId("decoded");
    expect(decoded.textContent).toContain("Starlette");
    const selected = screen
      .getAllByTestId("cookie-row")
      .filter((r) => r.getAttribute("aria-selected") === "true");
    expect(selected.map((r) => r.dataset.cookiePath)).toEqual(["/fastapi-application"]);
  });

  it("stays selected while the cookie is re-set, and comes back after a remove + set", async () => {
    const { host } = await renderPanel();
    await selectCookie("session", "/");
    const listCookies = vi.spyOn(host, "listCookies");
    const cookie = flaskCookie(NOW_MS / 1000 + 5);
    let before = listCookies.mock.calls.length;
    host.removeCookie(cookie, "overwrite");
    await cookieChanged(listCookies, before);
    before = listCookies.mock.calls.length;
    host.setCookie(cookie);
    await cookieChanged(listCookies, before);
    expect(screen.getByTestId("decoded").textContent).toContain("Flask");
  });
});

describe("texts", () => {
  it("says 'not verified' once, without repeating 'Decoded as Flask'", async () => {
    await renderPanel({ sides: [] });
    const decoded = await selectCookie("session", "/");
    const heading = decoded.querySelector("p")?.textContent ?? "";
    expect(heading).toBe("Decoded as Flask · not verified (no secret given)");
  });

  it("ends the reason an about:blank page gives with a full stop", () => {
    render(<UnsupportedPage url="about:blank" reason="about pages have no web cookies" />);
    expect(screen.getByTestId("unsupported-page").textContent).toContain(
      "About pages have no web cookies. Open your app's page",
    );
  });
});
