/**
 * base64.ts reads long all-ASCII inputs through a byte-level fast path and everything else
 * through the exact Python state machine. These properties force the same text down both
 * paths — a character Python ignores sends it to the slow one — and require the same answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex } from "../bytes";
import {
  b64DecodeNode,
  b64DecodePy,
  b64DecodePyScratch,
  b64EncodeStd,
  b64urlDecodePy,
  b64urlDecodePyScratch,
  b64urlEncode,
} from "./base64";

const hexOrNull = (b: Uint8Array | null) => (b === null ? null : bytesToHex(b));

/** Mostly valid base64 of either alphabet, with the odd "=", stray or non-ASCII character. */
const text = fc
  .array(
    fc.oneof(
      {
        weight: 20,
        arbitrary: fc.constantFrom(
          ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        ),
      },
      { weight: 2, arbitrary: fc.constantFrom("-", "_", "+", "/") },
      { weight: 1, arbitrary: fc.constantFrom("=", "==", "!", " ", "\n", "é", "\ud83d") },
    ),
    { minLength: 28, maxLength: 400 },
  )
  .map((chars) => chars.join(""));

describe("the base64 fast path agrees with the exact one", () => {
  it("itsdangerous base64_decode ignores a non-ASCII character, so appending one changes nothing", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(hexOrNull(b64urlDecodePy(s))).toBe(hexOrNull(b64urlDecodePy(`${s}é`)));
      }),
      { numRuns: 2000 },
    );
  });

  it("b64decode skips a leading newline, so prepending one changes nothing", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(hexOrNull(b64DecodePy(s))).toBe(hexOrNull(b64DecodePy(`\n${s}`)));
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips encoded bytes of every length through both decoders", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 600 }), (b) => {
        expect(hexOrNull(b64urlDecodePy(b64urlEncode(b)))).toBe(bytesToHex(b));
        expect(hexOrNull(b64DecodePy(b64EncodeStd(b)))).toBe(bytesToHex(b));
      }),
    );
  });

  it("keeps the result when a longer input than any before grows the buffer", () => {
    let size = 600;
    for (const grow of [1, 9, 80]) {
      const bytes = Uint8Array.from({ length: size * grow }, (_, i) => (i * 31) & 255);
      const hex = bytesToHex(bytes);
      // a stray "!" keeps each decoder off the fast path, the "node" one has none anyway
      expect(hexOrNull(b64DecodeNode(`!${b64EncodeStd(bytes)}`))).toBe(hex);
      expect(hexOrNull(b64urlDecodePy(`é${b64urlEncode(bytes)}`))).toBe(hex);
      expect(hexOrNull(b64DecodePy(`\n${b64EncodeStd(bytes)}`))).toBe(hex);
      size += 1;
    }
  });

  it("gives views that match the copies", () => {
    const s = b64urlEncode(Uint8Array.from({ length: 300 }, (_, i) => i * 7));
    expect(hexOrNull(b64urlDecodePyScratch(s))).toBe(hexOrNull(b64urlDecodePy(s)));
    const std = b64EncodeStd(Uint8Array.from({ length: 301 }, (_, i) => i * 5));
    expect(hexOrNull(b64DecodePyScratch(std))).toBe(hexOrNull(b64DecodePy(std)));
    expect(b64DecodePyScratch(`${std}é`)).toBeNull();
  });
});
