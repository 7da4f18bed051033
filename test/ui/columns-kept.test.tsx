/**
 * The optional columns a user turns on are there the next time the panel opens (kept through
 * the host's preferences: storage.local in the extension), and whatever storage holds under
 * that key cannot break the panel.
 */
import { cleanup, render } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { App } from "../../src/panel/App";
import {
  fireEvent,
  NOW_MS,
  renderPanel,
  rows,
  screen,
  tableHeaders,
  waitFor,
} from "./panelHarness";

describe("optional columns", () => {
  it("are on again when the panel opens next", async () => {
    const { host } = await renderPanel();
    await rows();
    fireEvent.click(screen.getByRole("button", { name: /Columns/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Expires" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Secure" }));
    expect(tableHeaders()).toContain("Expires");
    await waitFor(async () =>
      expect((await host.loadPreferences()).columns.sort()).toEqual(["expires", "secure"]),
    );
    cleanup(); // DevTools closed …
    render(<App host={host} now={() => NOW_MS} />); // … and opened again
    await rows();
    await waitFor(() =>
      expect(tableHeaders()).toEqual(expect.arrayContaining(["Expires", "Secure"])),
    );
    expect(tableHeaders()).not.toContain("SameSite");
  });

  it("ignore what storage holds that is not a list of known columns", async () => {
    await renderPanel();
    await rows();
    const defaults = tableHeaders();
    cleanup();
    for (const stored of [null, "value", { columns: "value" }, { columns: [1, {}, "nope"] }]) {
      await renderPanel({ preferences: stored });
      await rows();
      // the fake storage answers in microtasks: one task later the stored choice is applied
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(tableHeaders()).toEqual(defaults);
      cleanup();
    }
    await renderPanel({ preferences: { columns: ["sameSite", "bogus", "sameSite"] } });
    await rows();
    await waitFor(() => expect(tableHeaders()).toContain("SameSite"));
  });
});
