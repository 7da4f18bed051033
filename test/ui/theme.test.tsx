import { describe, expect, it } from "vitest";
import { renderPanel, rows } from "./panelHarness";

describe("theme", () => {
  it("follows the devtools theme through data-theme on the root element", async () => {
    await renderPanel({ theme: "dark" });
    await rows();
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    await renderPanel({ theme: "light" });
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
  });
});
