import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { dict, pyTuple } from "../../../codec/value";
import { ValueTree } from "./ValueTree";

afterEach(() => cleanup());

describe("ValueTree", () => {
  it("keeps short containers on one line and folds long ones below the second level", () => {
    const long = Array.from({ length: 30 }, (_, i) => `item-${i}`);
    const value = dict([
      ["cart", pyTuple([1, 2])],
      ["outer", dict([["inner", long]])],
    ]);
    render(<ValueTree value={value} dialect="python" />);
    expect(screen.getByText("(1, 2)")).toBeTruthy();
    expect(screen.queryByText("'item-0'")).toBeNull();
    const inner = screen.getAllByRole("button").at(-1) as HTMLElement;
    expect(inner.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(inner);
    expect(inner.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("'item-0'")).toBeTruthy();
  });

  it("says when the session is empty", () => {
    render(<ValueTree value={new Map()} dialect="python" />);
    expect(screen.getByText("An empty session ({}).")).toBeTruthy();
  });

  it("prints a Node session as JavaScript", () => {
    render(<ValueTree value={dict([["ok", true]])} dialect="js" />);
    expect(screen.getByText("true")).toBeTruthy();
  });
});
