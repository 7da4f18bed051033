import { describe, expect, it } from "vitest";
import { demoCookie, starletteCookie } from "../../src/shells/inline/scenario";
import { fireEvent, renderPanel, rowFor, rows, screen, waitFor, within } from "./panelHarness";

describe("cookie list", () => {
  it("shows every cookie with domain, path, partition, size and a format badge", async () => {
    await renderPanel();
    const all = await rows();
    expect(all.map((r) => r.dataset.cookieName)).toEqual([
      "session",
      "session",
      "node_session",
      "node_session.sig",
      "theme",
      "embed_pref",
    ]);
    const flask = rowFor("session", "/");
    expect(within(flask).getByTestId("format-badge").textContent).toBe("Flask");
    expect(flask.textContent).toContain("127.0.0.1");
    expect(flask.textContent).toMatch(/\d+ B/);
    expect(
      within(rowFor("session", "/fastapi-application")).getByTestId("format-badge").textContent,
    ).toBe("Starlette / FastAPI");
    expect(within(rowFor("node_session")).getByTestId("format-badge").textContent).toBe(
      "Node cookie-session",
    );
    expect(within(rowFor("node_session.sig")).getByTestId("format-badge").textContent).toBe(".sig");
    expect(within(rowFor("theme")).queryByTestId("format-badge")).toBeNull();
    expect(rowFor("embed_pref").textContent).toContain("https://partner.example");
  });

  it("flags a cookie near the 4096-byte limit", async () => {
    const { host } = await renderPanel();
    await rows();
    host.setCookie(demoCookie("big", "x".repeat(3800)));
    await waitFor(() =>
      expect(
        rowFor("big").querySelector("[data-size-level]")?.getAttribute("data-size-level"),
      ).toBe("near"),
    );
    expect(rowFor("big").textContent).toContain("3803 B");
  });

  it("re-lists when the host reports a cookie change", async () => {
    const { host } = await renderPanel();
    await rows();
    fireEvent.click(rowFor("session", "/"));
    host.setCookie(starletteCookie(1_767_237_945, "/"), "overwrite");
    await waitFor(() =>
      expect(within(rowFor("session", "/")).getByTestId("format-badge").textContent).toBe(
        "Starlette / FastAPI",
      ),
    );
    // The selection follows the cookie (same name, domain, path), now holding the FastAPI value.
    await waitFor(() =>
      expect(screen.getByTestId("verdict").textContent).toMatch(
        /^Flask app cannot read this cookie/,
      ),
    );
  });

  it("moves between rows with the arrow keys and selects with Enter", async () => {
    await renderPanel();
    const [first, second] = await rows();
    if (!first || !second) throw new Error("rows missing");
    expect(first.tabIndex).toBe(0);
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown" });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: "Enter" });
    expect(second.getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByTestId("decoded")).toBeTruthy();
    fireEvent.keyDown(second, { key: "ArrowUp" });
    expect(document.activeElement).toBe(first);
  });
});
