import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex } from "../bytes";
import {
  b64DecodeNode,
  b64DecodePy,
  b64EncodeStd,
  b64urlDecodePy,
  b64urlEncode,
  bytesToInt,
  intToBytes,
} from "./base64";

const hexOrNull = (b: Uint8Array | null) => (b === null ? null : bytesToHex(b));

/**
 * [input, itsdangerous base64_decode(input).hex(), base64.b64decode(input).hex()], recorded
 * from Debian's Python 3.11 + itsdangerous 2.1.2; null where Python raised.
 */
const PYTHON_DECODES: [string, string | null, string | null][] = [
  ["", "", ""],
  ["A", null, null],
  ["AA", "00", null],
  ["AAA", "0000", null],
  ["AAAA", "000000", "000000"],
  ["QQ", "41", null],
  ["QUI", "4142", null],
  ["QUJD", "414243", "414243"],
  ["QUJDRA", "41424344", null],
  ["QR", "41", null],
  ["QUJ", "4142", null],
  ["-_-_", "fbffbf", ""],
  ["+/+/", "fbffbf", "fbffbf"],
  ["-_+/", "fbffbf", null],
  ["QQ=", "41", null],
  ["QQ==", "41", "41"],
  ["QQ===", "41", "41"],
  ["QQ====", "41", "41"],
  ["QUI=", "4142", "4142"],
  ["QUI==", "4142", "4142"],
  ["QUJD=", "414243", "414243"],
  ["=QQ", null, null],
  ["Q=Q", null, null],
  ["QQ=Q", null, null],
  ["QQ==QUJD", "41", "41"],
  ["QUI=QUJD", "4142", "4142"],
  ["QQ=!=", "41", "41"],
  ["QQ=Q=", "4104", "4104"],
  ["Q Q", null, null],
  ["QU JD", "414243", "414243"],
  ["QUJD\n", "414243", "414243"],
  ["QUJD!", "414243", "414243"],
  ["Q!", null, null],
  ["QQ!", null, null],
  ["QUJD\u00e9", "414243", null],
  ["\u00e9QUJD", "414243", null],
  ["QU\u00e9JD", "414243", null],
  ["QUJD\ud83d\ude00", "414243", null],
  ["Q\ud83d\ude00Q", "41", null],
  ["QUJDR", null, null],
  ["QUJDRA=", "41424344", null],
  ["=", "", ""],
  ["==", "", ""],
  ["===", "", ""],
  ["!!!!", "", ""],
  ["\u00e9", "", null],
  ["QUJDRA=\u00e9", "41424344", null],
  ["aVXpOQ", "6955e939", null],
  ["aVXpOQ=", "6955e939", null],
  ["aVXpOR", "6955e939", null],
  ["aVXpOQ==", "6955e939", "6955e939"],
  ["Eb2Y735ddLRDr1-dh5slNGnR3Yk", "11bd98ef7e5d74b443af5f9d879b253469d1dd89", null],
  ["Eb2Y735ddLRDr1-dh5slNGnR3Yl", "11bd98ef7e5d74b443af5f9d879b253469d1dd89", null],
  ["Eb2Y735ddLRDr1-dh5slNGnR3Yk=", "11bd98ef7e5d74b443af5f9d879b253469d1dd89", null],
  ["Eb2Y735ddLRDr1+dh5slNGnR3Yk", "11bd98ef7e5d74b443af5f9d879b253469d1dd89", null],
  ["eyJuIjogMX0=", "7b226e223a20317d", "7b226e223a20317d"],
  ["eyJuIjogMX0", "7b226e223a20317d", null],
  ["eyJu IjogMX0=", "7b226e223a20317d", "7b226e223a20317d"],
  ["eyJuIjogMX0=.", "7b226e223a20317d", "7b226e223a20317d"],
  ["AH+/", "007fbf", "007fbf"],
  ["AH-_", "007fbf", null],
  ["AH+/==", "007fbf", "007fbf"],
];

/** Characters that exercise every branch of the lenient decoders. */
const base64ish = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(..."ABCQRSabyz019+/-_") },
      { weight: 2, arbitrary: fc.constant("=") },
      { weight: 1, arbitrary: fc.constantFrom(" ", "\n", "!", ".", "é", "Ł", "ī", "😀", "\ud800") },
    ),
    { maxLength: 40 },
  )
  .map((chars) => chars.join(""));

describe("encoders", () => {
  it("b64urlEncode is Node's base64url (no padding) and b64EncodeStd is Node's base64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (b) => {
        expect(b64urlEncode(b)).toBe(Buffer.from(b).toString("base64url"));
        expect(b64EncodeStd(b)).toBe(Buffer.from(b).toString("base64"));
      }),
    );
  });

  it("round-trip through the matching Python decoders", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (b) => {
        expect(b64urlDecodePy(b64urlEncode(b))).toEqual(b);
        expect(b64DecodePy(b64EncodeStd(b))).toEqual(b);
        expect(b64DecodeNode(b64EncodeStd(b))).toEqual(b);
        expect(b64DecodeNode(b64urlEncode(b))).toEqual(b);
      }),
    );
  });
});

describe("b64urlDecodePy (itsdangerous base64_decode)", () => {
  it.each(PYTHON_DECODES)("%j decodes as Python does", (input, expected) => {
    expect(hexOrNull(b64urlDecodePy(input))).toBe(expected);
  });

  it("accepts a signature with ignored low bits or a trailing '=' (docs/formats.md §1)", () => {
    const canonical = b64urlDecodePy("Eb2Y735ddLRDr1-dh5slNGnR3Yk");
    expect(canonical).toHaveLength(20);
    expect(b64urlDecodePy("Eb2Y735ddLRDr1-dh5slNGnR3Yl")).toEqual(canonical);
    expect(b64urlDecodePy("Eb2Y735ddLRDr1-dh5slNGnR3Yk=")).toEqual(canonical);
  });
});

describe("b64DecodePy (base64.b64decode on a str)", () => {
  it.each(PYTHON_DECODES)("%j decodes as Python does", (input, _itsdangerous, expected) => {
    expect(hexOrNull(b64DecodePy(input))).toBe(expected);
  });
});

describe("b64DecodeNode (Buffer.from(s, 'base64'))", () => {
  it("agrees with Buffer on lenient input", () => {
    fc.assert(
      fc.property(base64ish, (s) => {
        expect(b64DecodeNode(s)).toEqual(new Uint8Array(Buffer.from(s, "base64")));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with Buffer on any string, including long ones", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), (s) => {
        expect(b64DecodeNode(s)).toEqual(new Uint8Array(Buffer.from(s, "base64")));
      }),
    );
  });

  it.each([
    ["url-safe characters", "-_-_", "fbffbf"],
    ["missing padding", "eyJuIjogMX0", "7b226e223a20317d"],
    ["stops at the first '='", "QQ==QUJD", "41"],
    ["a lone trailing character", "QUJDQ", "414243"],
    ["skipped junk", "Q U!J\nD", "414243"],
    ["a UTF-16 unit read as its low byte", "QŁQ", "4004"],
  ])("handles %s", (_name, input, hex) => {
    expect(bytesToHex(b64DecodeNode(input))).toBe(hex);
  });
});

describe("intToBytes / bytesToInt (itsdangerous timestamps)", () => {
  it.each([
    [0, ""],
    [1, "01"],
    [255, "ff"],
    [256, "0100"],
    [1767237945, "6955e939"],
    [2 ** 32, "0100000000"],
    [Number.MAX_SAFE_INTEGER, "1fffffffffffff"],
  ])("%d packs as %j", (n, hex) => {
    expect(bytesToHex(intToBytes(n))).toBe(hex);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("refuses %d", (n) => {
    expect(() => intToBytes(n)).toThrow(RangeError);
  });

  it("round-trips every safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(bytesToInt(intToBytes(n))).toBe(n);
      }),
    );
  });

  it("reads leading zeros, up to 8 bytes, and refuses 9", () => {
    expect(bytesToInt(new Uint8Array(0))).toBe(0);
    expect(bytesToInt(Uint8Array.of(0, 0, 1, 0))).toBe(256);
    expect(bytesToInt(new Uint8Array(8).fill(0xff))).toBe(2n ** 64n - 1n); // exact, not rounded to 2 ** 64
    expect(bytesToInt(new Uint8Array(9))).toBeNull();
  });

  it("decodes the timestamp segment aVXpOQ to 1767237945 (docs/formats.md §1)", () => {
    const raw = b64urlDecodePy("aVXpOQ");
    expect(raw && bytesToInt(raw)).toBe(1767237945);
  });
});
