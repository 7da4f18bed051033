import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pyFloatRepr } from "./floatRepr";

/** [IEEE-754 big-endian hex, Python json.dumps(x)], frozen by test/fixtures/codec-json/generate.py. */
const FROZEN = JSON.parse(
  readFileSync(
    new URL("../../../test/fixtures/codec-json/float-repr.json", import.meta.url),
    "utf8",
  ),
) as [string, string][];

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 8; i++) view.setUint8(i, Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return view.getFloat64(0);
}

describe("pyFloatRepr", () => {
  it.each([
    [1, "1.0"],
    [0.1, "0.1"],
    [1e-7, "1e-07"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [123456789012345680, "1.2345678901234568e+17"], // the double nearest 123456789012345678,
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [1.5e300, "1.5e+300"],
    [-0, "-0.0"],
    [0, "0.0"],
    [1 / 3, "0.3333333333333333"],
    [-123.456, "-123.456"],
    [9999999999999998, "9999999999999998.0"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("writes %s as %s", (n, repr) => {
    expect(pyFloatRepr(n)).toBe(repr);
  });

  it(`matches CPython on ${FROZEN.length} frozen doubles`, () => {
    const wrong = FROZEN.filter(([hex, repr]) => pyFloatRepr(fromBits(hex)) !== repr);
    expect(wrong).toEqual([]);
    expect(FROZEN.length).toBeGreaterThan(1000);
  });
});
