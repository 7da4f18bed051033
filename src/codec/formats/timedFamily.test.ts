/** `iso` formats by arithmetic on the hot path; it must say exactly what Date's ISO form says. */
import fc from "fast-check";
import { expect, it } from "vitest";
import { iso } from "./timedFamily";

const viaDate = (ts: number) => {
  const d = new Date(ts * 1000);
  return Number.isNaN(d.getTime()) ? `Unix time ${ts}` : d.toISOString().replace(".000Z", "Z");
};

it("formats timestamps as Date.toISOString does, without '.000'", () => {
  const ts = fc.oneof(
    fc.integer({ min: 0, max: 253402300799 }),
    fc.constantFrom(0, 951782400, 951868799, 4107542399, 253402300799, 253402300800, 1e15, 1e16),
    fc.double({ min: -1e13, max: 1e13, noNaN: true }),
  );
  fc.assert(
    fc.property(ts, (t) => {
      expect(iso(t)).toBe(viaDate(t));
    }),
    { numRuns: 5000 },
  );
  expect(iso(1709210096)).toBe("2024-02-29T12:34:56Z");
});
