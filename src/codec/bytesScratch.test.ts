/** The scratch encoders say what utf8Encode says, for any text and any length. */
import fc from "fast-check";
import { expect, it } from "vitest";
import { asciiScratch, utf8Encode, utf8EncodeScratch } from "./bytes";

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(b);

const texts = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(40_000, 90_000).map((n) => "ab\u00e9".repeat(n)), // past the kept buffer size
);

it("utf8EncodeScratch gives utf8Encode's bytes, lone surrogates included", () => {
  fc.assert(
    fc.property(texts, (s) => {
      expect(same(utf8EncodeScratch(s), utf8Encode(s))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

it("asciiScratch gives the bytes of ASCII text and null for anything else", () => {
  fc.assert(
    fc.property(texts, (s) => {
      const ascii = /^[\x00-\x7f]*$/.test(s);
      const bytes = asciiScratch(s);
      if (!ascii || s.length > 256 * 1024) expect(bytes).toBeNull();
      else expect(same(bytes!.subarray(0, s.length), utf8Encode(s))).toBe(true);
    }),
    { numRuns: 300 },
  );
  expect(
    asciiScratch("x".repeat(5000))
      ?.subarray(0, 5000)
      .every((b) => b === 120),
  ).toBe(true);
});
