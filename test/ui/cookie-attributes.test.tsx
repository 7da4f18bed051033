/**
 * The cookie's own attributes (issue 8, item 6): a details block with every attribute and the raw
 * value, optional table columns the user turns on, and no column that would only hold dashes.
 */
import { describe, expect, it } from "vitest";
import { flaskCookie } from "../../src/shells/inline/scenario";
import {
  fireEvent,
  NOW_MS,
  renderPanel,
  rowFor,
  rows,
  screen,
  selectCookie,
  tableHeaders,
  within,
} from "./panelHarness";

/** The attributes block as { term: description }. */
function attributes(): Record<string, string> {
  const block = screen.getByTestId("cookie-attributes");
  const terms = [...block.querySelectorAll("dt")];
  return Object.fromEntries(
    terms.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]),
  );
}

describe("the selected cookie's attributes", () => {
  it("lists Flask's browser-session cookie with every attribute and its raw value", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    expect(attributes()).toMatchObject({
      Domain: "127.0.0.1 (host-only)",
      Path: "/",
      Expires: "browser session (deleted when the browser closes)",
      HttpOnly: "yes",
      Secure: "no",
      SameSite: "Lax",
      Partitioned: "no",
      Store: "0",
    });
    expect(attributes().Size).toMatch(/^\d+ of 4096 bytes/);
    const expected = flaskCookie(NOW_MS / 1000).value;
    expect(screen.getByTestId("raw-value").textContent).toBe(expected);
  });

  it("gives Starlette's cookie its expiry date and how far away it is", async () => {
    await renderPanel();
    await selectCookie("session", "/fastapi-application");
    expect(attributes().Expires).toBe("2026-01-15T03:25:45Z (in 14 d)");
    expect(attributes().Path).toBe("/fastapi-application");
  });

  it("shows a CHIPS cookie's partition", async () => {
    await renderPanel();
    await rows();
    fireEvent.click(rowFor("embed_pref"));
    expect(attributes()).toMatchObject({
      Partitioned: "yes: https://partner.example (cross-site ancestor)",
      Secure: "yes",
      SameSite: "None",
    });
  });
});

describe("cookie table columns", () => {
  it("hides the Partition column when no cookie is partitioned", async () => {
    await renderPanel({ scenario: "agreeing" });
    await rows();
    expect(tableHeaders()).toEqual(["Name", "Domain", "Path", "Size", "Format"]);
  });

  it("keeps the Partition column while a cookie has one", async () => {
    await renderPanel();
    await rows();
    expect(tableHeaders()).toContain("Partition");
  });

  it("turns on the Value, Expires, SameSite and Secure columns", async () => {
    await renderPanel();
    await rows();
    fireEvent.click(screen.getByRole("button", { name: /Columns/ }));
    for (const name of ["Value", "Expires", "SameSite", "Secure"]) {
      fireEvent.click(screen.getByRole("checkbox", { name }));
    }
    expect(tableHeaders()).toEqual([
      "Name",
      "Domain",
      "Path",
      "Partition",
      "Value",
      "Expires",
      "SameSite",
      "Secure",
      "Size",
      "Format",
    ]);
    const cells = within(rowFor("session", "/fastapi-application")).getAllByRole("cell");
    const text = cells.map((c) => c.textContent);
    expect(text[4]).toMatch(/^eyJ/);
    expect(text.slice(5, 8)).toEqual(["2026-01-15 03:25 UTC", "Lax", "no"]);
    expect(within(rowFor("session", "/")).getAllByRole("cell")[5]?.textContent).toBe("session");
    fireEvent.click(screen.getByRole("checkbox", { name: "Value" }));
    expect(tableHeaders()).not.toContain("Value");
  });
});
