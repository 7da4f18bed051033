/**
 * The scanner's helpers: code units (ASCII fast path, other text, the 0 units after the end)
 * and the key cache, which must never hand back a cached key for different text — with 512
 * slots, thousands of distinct keys collide constantly.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { parseJson } from "./parse";
import { codeUnits, internKey } from "./textCodes";

it("gives every code unit of ASCII and non-ASCII text, then two 0 units", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
      const units = codeUnits(text);
      const expected = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
      expect(Array.from(units.subarray(0, text.length + 2))).toEqual([...expected, 0, 0]);
    }),
  );
});

it("reads back thousands of distinct keys exactly, colliding ones included", () => {
  const keys = Array.from({ length: 6000 }, (_, i) =>
    (i * 7919).toString(36).slice(0, 1 + (i % 12)),
  );
  const unique = [...new Set(keys)];
  const text = JSON.stringify(Object.fromEntries(unique.map((k, i) => [`${k}`, i])));
  for (let round = 0; round < 2; round++) {
    const parsed = parseJson(text, "js") as Map<string, unknown>;
    expect([...parsed.keys()]).toEqual(Object.keys(JSON.parse(text)));
  }
  fc.assert(
    fc.property(fc.dictionary(fc.string({ maxLength: 14 }), fc.nat(), { maxKeys: 40 }), (obj) => {
      const parsed = parseJson(JSON.stringify(obj), "js") as Map<string, unknown>;
      expect(Object.fromEntries(parsed)).toEqual(obj);
    }),
    { numRuns: 500 },
  );
});

it("never returns a cached key for other text, even under the same hash", () => {
  const text = "abcd abce xbcd abcd";
  const units = codeUnits(text);
  const at = (start: number) => internKey(text, units, start, start + 4, 42);
  expect([at(0), at(5), at(10), at(15), at(5)]).toEqual(["abcd", "abce", "xbcd", "abcd", "abce"]);
});
