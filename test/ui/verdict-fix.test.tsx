/**
 * Every verdict about apps that fight over a cookie carries the fix (issue 8, item 5): rename one
 * cookie, keep each on its path, or share one format, as snippets to copy; after a rename the
 * verdict says the logins are now separate sessions.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fastapiSide, flaskSide, nodeSide } from "../../src/shells/inline/scenario";
import {
  fireEvent,
  openSides,
  renderPanel,
  screen,
  selectCookie,
  sideForm,
  verdictText,
  waitFor,
  within,
} from "./panelHarness";

afterEach(() => {
  Reflect.deleteProperty(navigator, "clipboard");
});

const options = () =>
  screen.getAllByTestId("fix-option").map((o) => ({
    kind: o.dataset.kind,
    snippets: within(o)
      .getAllByTestId("fix-snippet")
      .map((s) => s.textContent ?? ""),
  }));

describe("the verdict's fix", () => {
  it("gives Flask and FastAPI a rename, their own paths, or starlette-flask, each copyable", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (t: string) => void written.push(t) },
      configurable: true,
    });
    await renderPanel();
    await selectCookie("session", "/");
    expect(screen.getByTestId("verdict-fix").textContent).toContain("How to fix it");
    const [rename, path, share] = options();
    expect(rename?.kind).toBe("rename");
    expect(rename?.snippets).toEqual([
      'app.config["SESSION_COOKIE_NAME"] = "flask_session"',
      'app.add_middleware(SessionMiddleware, secret_key=SECRET_KEY, session_cookie="fastapi_session")',
    ]);
    expect(path).toEqual({
      kind: "path",
      snippets: [
        'app.config["SESSION_COOKIE_PATH"] = "/flask-application"',
        'app.add_middleware(SessionMiddleware, secret_key=SECRET_KEY, path="/fastapi-application")',
      ],
    });
    expect(share?.kind).toBe("share-format");
    expect(share?.snippets[0]).toContain("from starlette_flask.middleware.sessions import");

    const fix = screen.getAllByTestId("fix-option")[0] as HTMLElement;
    fireEvent.click(within(fix).getAllByRole("button", { name: "Copy" })[0] as HTMLElement);
    await waitFor(() => expect(written).toEqual([rename?.snippets[0]]));
  });

  it("offers a Node app on Flask's cookie this project's library", async () => {
    const node = { ...nodeSide(), cookieName: "session", fallbacks: [] };
    await renderPanel({ sides: [flaskSide(), node] });
    await selectCookie("session", "/");
    const share = options().find((o) => o.kind === "share-format");
    expect(share?.snippets[0]).toContain('import { flaskSession } from "sessionlens/express"');
    expect(share?.snippets[0]).toContain('"sessionlens/hono"');
    expect(options().find((o) => o.kind === "rename")?.snippets[1]).toBe(
      'app.use(cookieSession({ name: "node_session", keys }))',
    );
  });

  it("has no fix when every app reads the cookie", async () => {
    await renderPanel({ scenario: "agreeing" });
    await selectCookie("session", "/");
    expect(screen.queryByTestId("verdict-fix")).toBeNull();
  });

  it("says the logins are separate sessions once FastAPI has a cookie name of its own", async () => {
    await renderPanel({ sides: [flaskSide(), fastapiSide()] });
    await openSides();
    fireEvent.change(within(sideForm("FastAPI app")).getByLabelText("Cookie name"), {
      target: { value: "fastapi_session" },
    });
    fireEvent.click(screen.getByRole("tab", { name: "Cookies" }));
    await selectCookie("session", "/");
    expect(verdictText()).toBe(
      "Flask app accepts this cookie. FastAPI app keeps its own cookie (fastapi_session), so the " +
        "logins are separate: two sessions, and signing in to one app does not sign the user in to the other.",
    );
    expect(screen.queryByTestId("verdict-fix")).toBeNull();
  });
});
