/**
 * Declaring the apps takes seconds (issue 8, item 4): from a selected cookie, a side filled in
 * from what the panel saw, the cursor in its secret, the framework's options behind Advanced,
 * Remove with Undo, and a sides file from another site offered with that site named.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { FakeHost } from "../../src/shells/inline/fakeHost";
import { DEMO_SECRETS, flaskCookie, flaskSide } from "../../src/shells/inline/scenario";
import {
  fireEvent,
  NOW_MS,
  openSides,
  renderPanel,
  rowFor,
  rows,
  screen,
  selectCookie,
  verdictText,
  waitFor,
  within,
} from "./panelHarness";

const ORIGIN = "http://127.0.0.1:8000";

afterEach(() => {
  Reflect.deleteProperty(navigator, "clipboard");
});

/** The Flask app answers /flask-application/set-session with a new session cookie. */
function flaskResponds(host: FakeHost, secondsLater = 0) {
  const value = flaskCookie(NOW_MS / 1000 + secondsLater).value;
  const startedAt = Date.now();
  host.respond(
    {
      url: `${ORIGIN}/flask-application/set-session`,
      method: "GET",
      status: 200,
      startedAt,
      durationMs: 5,
    },
    [`session=${value}; Path=/; HttpOnly`],
  );
  return value;
}

const form = () => screen.getByTestId("declare-form");
const field = (label: string) => within(form()).getByLabelText(label) as HTMLInputElement;

async function declareFlask() {
  const rendered = await renderPanel({ sides: [] });
  await rows();
  flaskResponds(rendered.host);
  await selectCookie("session", "/");
  expect(verdictText()).toMatch(/^No apps are declared for this site yet/);
  fireEvent.click(screen.getByRole("button", { name: "Declare the app that wrote this" }));
  return rendered;
}

/** The options only the Advanced disclosure shows. */
const ADVANCED_LABELS = [
  "Salt",
  "Key derivation",
  "Digest",
  "max_age",
  "sort_keys",
  "ensure_ascii",
];

describe("declaring the app that wrote a cookie", () => {
  it("creates a side filled in from the cookie and its request, the cursor in its secret", async () => {
    const { host } = await declareFlask();
    expect(field("Label").value).toBe("Flask app");
    expect((within(form()).getByLabelText("Format") as HTMLSelectElement).value).toBe("flask");
    expect(field("Cookie name").value).toBe("session");
    expect(field("Path prefix").value).toBe("/flask-application");
    expect(document.activeElement).toBe(field("Secret"));
    await waitFor(() =>
      expect(host.savedSides.get(ORIGIN)?.map((s) => s.label)).toEqual(["Flask app"]),
    );
    expect(screen.getByRole("tab", { name: "Sides (1)" })).toBeTruthy();
    // Declared, so no second offer for the same cookie.
    expect(screen.queryByTestId("declare-side")).toBeNull();
  });

  it("keeps the secret being typed while the app re-writes its cookie, then verifies with it", async () => {
    const { host } = await declareFlask();
    const secret = field("Secret");
    fireEvent.input(secret, { target: { value: "flask-de" } });
    const rewritten = flaskResponds(host, 7);
    await waitFor(() => expect(screen.getByTestId("raw-value").textContent).toBe(rewritten));
    expect(field("Secret").value).toBe("flask-de");
    fireEvent.input(field("Secret"), { target: { value: DEMO_SECRETS.flask } });
    fireEvent.blur(field("Secret"));
    await waitFor(() => expect(verdictText()).toBe("Flask app accepts this cookie."));
    expect(host.savedSides.get(ORIGIN)?.[0]?.secret?.value).toBe(DEMO_SECRETS.flask);
    expect(field("Secret").type).toBe("password");
  });

  it("commits a pasted secret at once, and Paste reads the clipboard where it may", async () => {
    await declareFlask();
    fireEvent.paste(field("Secret"));
    fireEvent.input(field("Secret"), { target: { value: DEMO_SECRETS.flask } });
    expect(verdictText()).toBe("Flask app accepts this cookie.");

    fireEvent.input(field("Secret"), { target: { value: "" } });
    fireEvent.blur(field("Secret"));
    Object.defineProperty(navigator, "clipboard", {
      value: { readText: async () => `${DEMO_SECRETS.flask}\n` },
      configurable: true,
    });
    fireEvent.click(within(form()).getByRole("button", { name: "Paste Secret" }));
    await waitFor(() => expect(verdictText()).toBe("Flask app accepts this cookie."));
  });

  it("says how to paste when the panel may not read the clipboard", async () => {
    await declareFlask();
    Object.defineProperty(navigator, "clipboard", {
      value: { readText: () => Promise.reject(new Error("denied")) },
      configurable: true,
    });
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.click(within(form()).getByRole("button", { name: "Paste Secret" }));
    expect((await within(form()).findByRole("status")).textContent).toContain("Ctrl+V");
    expect(document.activeElement).toBe(field("Secret"));
  });

  it("keeps salt, key derivation, digest, max_age and the JSON switches behind Advanced", async () => {
    await declareFlask();
    const advanced = within(form()).getByTestId("side-advanced");
    expect(advanced.hasAttribute("open")).toBe(false);
    for (const label of ADVANCED_LABELS) {
      expect(within(form()).queryByLabelText(label)).toBeNull();
    }
    expect(within(form()).queryByText(/untagged/)).toBeNull();
    fireEvent.click(within(advanced).getByText(/^Advanced/));
    expect(await within(advanced).findByLabelText("Salt")).toBeTruthy();
    for (const label of ADVANCED_LABELS) {
      expect(within(advanced).getByLabelText(label)).toBeTruthy();
    }
    expect(within(advanced).getByText(/untagged/)).toBeTruthy();
  });

  it("removes the side with an Undo that brings it back, secret and all", async () => {
    const { host } = await declareFlask();
    fireEvent.input(field("Secret"), { target: { value: DEMO_SECRETS.flask } });
    fireEvent.blur(field("Secret"));
    fireEvent.click(within(form()).getByRole("button", { name: "Remove Flask app" }));
    expect(screen.getByTestId("removed-side").textContent).toContain("Removed Flask app");
    expect(screen.queryByTestId("declare-form")).toBeNull();
    expect(verdictText()).toMatch(/^No apps are declared/);
    await waitFor(() => expect(host.savedSides.get(ORIGIN)).toEqual([]));

    fireEvent.click(screen.getByTestId("undo-remove"));
    expect(screen.queryByTestId("removed-side")).toBeNull();
    expect(verdictText()).toBe("Flask app accepts this cookie.");
    expect(field("Secret").value).toBe(DEMO_SECRETS.flask);
    await waitFor(() =>
      expect(host.savedSides.get(ORIGIN)?.[0]?.secret?.value).toBe(DEMO_SECRETS.flask),
    );
  });

  it("undoes a removal on the Sides tab into the same place", async () => {
    await renderPanel();
    await openSides();
    fireEvent.click(screen.getByRole("button", { name: "Remove FastAPI app" }));
    expect(screen.getAllByTestId("side-form").map((f) => f.getAttribute("aria-label"))).toEqual([
      "Flask app",
      "Node app",
    ]);
    fireEvent.click(screen.getByTestId("undo-remove"));
    expect(screen.getAllByTestId("side-form").map((f) => f.getAttribute("aria-label"))).toEqual([
      "Flask app",
      "FastAPI app",
      "Node app",
    ]);
  });

  it("offers no declaring for a cookie a declared side already reads", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    expect(screen.queryByTestId("declare-side")).toBeNull();
    fireEvent.click(rowFor("theme"));
    expect(screen.queryByTestId("declare-side")).toBeNull();
  });
});

describe("a sides file from another site", () => {
  const file = (origin: string) =>
    JSON.stringify({
      kind: "session-lens/sides",
      version: 1,
      origin,
      secretsIncluded: false,
      sides: [{ ...flaskSide(), secret: undefined, label: "Flask (teammate)" }],
    });
  const importText = (text: string) => {
    fireEvent.input(screen.getByLabelText("Sides JSON to import"), { target: { value: text } });
    fireEvent.click(screen.getByRole("button", { name: "Import sides" }));
  };

  it("is offered with that site named, and imported only when asked", async () => {
    const { host } = await renderPanel();
    await openSides();
    importText(file("http://127.0.0.1:8001"));
    const offer = screen.getByTestId("import-other-origin");
    expect(offer.textContent).toContain("exported for http://127.0.0.1:8001");
    expect(offer.textContent).toContain("Flask (teammate)");
    expect(screen.getAllByTestId("side-form")).toHaveLength(3);
    fireEvent.click(within(offer).getByRole("button", { name: `Import them for ${ORIGIN}` }));
    expect(screen.queryByTestId("import-other-origin")).toBeNull();
    expect(screen.getAllByTestId("side-form").map((f) => f.getAttribute("aria-label"))).toEqual([
      "Flask (teammate)",
    ]);
    await waitFor(() => expect(host.savedSides.get(ORIGIN)?.[0]?.label).toBe("Flask (teammate)"));
  });

  it("can be turned down, and a file for this site imports at once", async () => {
    await renderPanel();
    await openSides();
    importText(file("http://127.0.0.1:8001"));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("import-other-origin")).toBeNull();
    expect(screen.getAllByTestId("side-form")).toHaveLength(3);
    importText(file(ORIGIN));
    expect(screen.queryByTestId("import-other-origin")).toBeNull();
    expect(screen.getAllByTestId("side-form")).toHaveLength(1);
  });
});
