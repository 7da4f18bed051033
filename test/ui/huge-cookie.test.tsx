/**
 * A cookie any page can set: 1.4 kB that inflates to about 1 MB (`{"a":[0,0,…]}`). The panel
 * once drew all 500,000 items (46 s, 524,002 `<li>`); now it must draw a bounded number of
 * elements per view, however big the session is. Counting elements is deterministic; timing
 * jsdom on a shared machine would not be.
 */
import { describe, expect, it } from "vitest";
import { signSession } from "../../src/codec";
import { dict } from "../../src/codec/value";
import { demoCookie, flaskSide } from "../../src/shells/inline/scenario";
import { fireEvent, NOW_MS, renderPanel, rows, screen, selectCookie, within } from "./panelHarness";

const ZEROS = 499_990;
const ELEMENT_BOUND = 1500;

function hugeCookie() {
  const data = dict([["a", new Array<number>(ZEROS).fill(0)]]);
  const { value } = signSession("flask", data, {
    secret: "k",
    timestamp: Math.floor(NOW_MS / 1000) - 60,
  });
  return demoCookie("session", value);
}

describe("a cookie inflating to a megabyte", () => {
  // A hang guard, not a speed check: signing and decoding a megabyte in jsdom takes ~3 s alone
  // and longer on a shared 2-core machine; before the fix this test never finished.
  it("renders a bounded number of elements, and shows more a page at a time", {
    timeout: 60_000,
  }, async () => {
    const cookie = hugeCookie();
    expect(cookie.value.length).toBeLessThan(4096);
    const { host } = await renderPanel({
      scenario: "empty",
      sides: [flaskSide({ secret: { value: "k", encoding: "utf8" } })],
    });
    host.setCookie(cookie);
    await rows();
    await selectCookie("session", "/");
    expect(screen.getByTestId("verdict").textContent).toMatch(/Flask app accepts this cookie/);
    const count = () => document.body.querySelectorAll("*").length;
    expect(count()).toBeLessThan(ELEMENT_BOUND);
    expect(screen.getByTestId("value-tree").textContent).toContain(`list [${ZEROS}]`);

    // Opening the list draws its first page only; each "show more" draws one more page.
    const toggle = within(screen.getByTestId("value-tree")).getByRole("button", {
      expanded: false,
    });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(count()).toBeLessThan(ELEMENT_BOUND);
    const opened = document.body.querySelectorAll("li").length;
    expect(opened).toBeLessThanOrEqual(110);
    fireEvent.click(screen.getByRole("button", { name: `show 100 more of ${ZEROS}` }));
    expect(document.body.querySelectorAll("li").length - opened).toBe(100);
    expect(count()).toBeLessThan(ELEMENT_BOUND);
  });
});
