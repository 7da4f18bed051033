import { describe, expect, it } from "vitest";
import { fireEvent, renderPanel, screen, selectCookie, verdictText } from "./panelHarness";

const sideRows = () =>
  screen.getAllByTestId("side-row").map((r) => ({
    side: r.querySelector("td")?.textContent,
    outcome: r.dataset.outcome,
    text: r.textContent ?? "",
  }));

describe("agreement", () => {
  it("explains the disagreeing mounted apps: who signed, who can't read, and the overwrite race", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    expect(verdictText()).toBe(
      "FastAPI app cannot read this cookie: it was signed by Flask app (salt cookie-session). " +
        "Both apps write session on path /, so each will overwrite the other.",
    );
    expect(screen.getByTestId("verdict").querySelector("code")?.textContent).toBe("session");
    const [flask, fastapi] = sideRows();
    expect(flask).toMatchObject({ side: "Flask app /flask-application", outcome: "accepts" });
    expect(flask?.text).toContain("current secret");
    expect(flask?.text).toContain("'user_id': 42");
    expect(fastapi).toMatchObject({ outcome: "bad-signature" });
    expect(fastapi?.text).toContain("bad signature");
    expect(fastapi?.text).toContain("an empty session");
  });

  it("has no race for the FastAPI cookie scoped to its own path", async () => {
    await renderPanel();
    await selectCookie("session", "/fastapi-application");
    expect(verdictText()).toBe(
      "Flask app cannot read this cookie: it was signed by FastAPI app (salt itsdangerous.Signer, django-concat).",
    );
    expect(sideRows().map((r) => r.outcome)).toEqual(["bad-signature", "accepts"]);
  });

  it("says all sides read the same session when they agree", async () => {
    await renderPanel({ scenario: "agreeing" });
    await selectCookie("session", "/");
    expect(verdictText()).toBe(
      "All 2 sides accept this cookie: Flask app and FastAPI app read the same session.",
    );
    expect(sideRows().map((r) => r.outcome)).toEqual(["accepts", "accepts"]);
  });

  it("offers the Sides tab when none exist and the cookie's format is unknown", async () => {
    await renderPanel({ sides: [] });
    await selectCookie("theme", "/");
    expect(verdictText()).toMatch(/^No apps are declared for this site yet/);
    expect(screen.queryAllByTestId("side-row")).toHaveLength(0);
    expect(screen.queryByTestId("declare-side")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Declare sides" }));
    expect(await screen.findByRole("button", { name: "Add side" })).toBeTruthy();
  });
});
