import { describe, expect, it } from "vitest";
import { dict, pyBytes, pyTuple } from "../codec/value";
import { reprValue } from "./pyRepr";
import { reprShort } from "./reprShort";

describe("reprShort", () => {
  const values = [
    dict([
      ["a", [1, 2, pyTuple([3])]],
      ["b", "it's"],
      ["c", pyBytes(new Uint8Array([1, 39]))],
    ]),
    pyTuple([]),
    pyTuple([1, "x"]),
    [],
    "plain",
  ];
  it("is reprValue when the text fits", () => {
    for (const v of values) {
      expect(reprShort(v, "python", 200)).toBe(reprValue(v, "python"));
      expect(reprShort(v, "js", 200)).toBe(reprValue(v, "js"));
    }
  });

  it("cuts at the limit with an ellipsis, also inside long strings", () => {
    const v = values[0] as Parameters<typeof reprValue>[0];
    const text = reprValue(v, "python");
    expect(reprShort(v, "python", 10)).toBe(`${text.slice(0, 9)}…`);
    expect(reprShort("x".repeat(1000), "python", 6)).toBe("'xxxx…");
  });

  it("reads only what it prints of a megabyte-sized list", () => {
    const huge = dict([["a", new Array<number>(500_000).fill(0)]]);
    let reads = 0;
    const counted = new Proxy(huge.get("a") as number[], {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const text = reprValue(huge, "python");
    expect(reprShort(dict([["a", counted]]), "python", 60)).toBe(`${text.slice(0, 59)}…`);
    expect(reads).toBeLessThan(40);
  });
});
