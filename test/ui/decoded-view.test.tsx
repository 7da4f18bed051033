import { describe, expect, it } from "vitest";
import { renderPanel, screen, selectCookie, within } from "./panelHarness";

describe("decoded view", () => {
  it("shows the Flask session's typed values as Python prints them", async () => {
    await renderPanel();
    const decoded = await selectCookie("session", "/");
    const text = decoded.textContent ?? "";
    expect(text).toContain("Decoded as Flask");
    expect(text).toContain("verified by Flask app (current secret)");
    for (const shown of [
      "(3, 7)",
      `b"\\xde\\xad\\xbe\\xef'"`,
      "datetime(2024, 2, 29, 12, 34, 56, tzinfo=UTC)",
      "UUID('1b4e28ba-2d11-11d2-9cb5-00c04fd430c8')",
      "Markup('<b>ship it</b>')",
      "1.0",
      "18446744073709551617",
      "[('message', 'Signed in as ada')]",
      "True",
    ]) {
      expect(text).toContain(shown);
    }
  });

  it("keeps the session's key order and shows signing facts and each side's expiry", async () => {
    await renderPanel();
    const decoded = await selectCookie("session", "/");
    const keys = within(decoded).getByTestId("value-tree").querySelectorAll(":scope > li");
    expect([...keys].map((li) => li.textContent?.split(":")[0])).toEqual([
      "_flashes",
      "_permanent",
      "avatar_hash",
      "big_counter",
      "cart",
      "last_login",
      "motto",
      "ratio",
      "request_id",
      "user_id",
    ]);
    const text = decoded.textContent ?? "";
    expect(text).toContain("2026-01-01T00:25:45Z (3 h ago)");
    expect(text).toContain("Compressed");
    expect(text).toMatch(/Expiry for Flask app\s*expires in 30 d 21 h \(max_age 31 d\)/);
    expect(text).toMatch(/Expiry for FastAPI app\s*expires in 13 d 21 h \(max_age 14 d\)/);
  });

  it("reads a cookie-session cookie with its .sig and names the fallback key", async () => {
    await renderPanel();
    const decoded = await selectCookie("node_session");
    expect(decoded.textContent).toContain("verified by Node app (fallback 1)");
    expect(decoded.textContent).toContain('["admin", "editor"]');
  });

  it("says a plain cookie is not a session it can decode", async () => {
    await renderPanel();
    const decoded = await selectCookie("theme");
    expect(decoded.textContent).toMatch(/Not a signed session/);
    expect(screen.getByTestId("verdict").textContent).toMatch(
      /No declared side uses the cookie name theme/,
    );
  });
});
