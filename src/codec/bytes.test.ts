import { timingSafeEqual as nodeTimingSafeEqual } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bytesToHex,
  concatBytes,
  hexToBytes,
  timingSafeEqual,
  timingSafeStringEqual,
  utf8Decode,
  utf8Encode,
} from "./bytes";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("utf8Encode", () => {
  it("matches Buffer for any string, ASCII or not", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (s) => {
        expect(utf8Encode(s)).toEqual(new Uint8Array(Buffer.from(s, "utf8")));
      }),
    );
  });

  it("takes the ASCII loop and the TextEncoder path", () => {
    const long = "a".repeat(10_000);
    expect(utf8Encode(long)).toEqual(new Uint8Array(10_000).fill(0x61));
    expect(utf8Encode(`${long}é`).subarray(10_000)).toEqual(bytes(0xc3, 0xa9));
  });

  it("encodes astral characters as four bytes and a lone surrogate as U+FFFD", () => {
    expect(utf8Encode("😀")).toEqual(bytes(0xf0, 0x9f, 0x98, 0x80));
    expect(utf8Encode("a\ud800")).toEqual(bytes(0x61, 0xef, 0xbf, 0xbd));
  });
});

describe("utf8Decode", () => {
  it("round-trips any well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
  });

  it("keeps a leading BOM, as Python's utf-8 codec does", () => {
    expect(utf8Decode(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe("\ufeffa");
  });

  it.each([
    ["a lone continuation byte", [0x80]],
    ["a truncated sequence", [0x61, 0xc3]],
    ["an overlong encoding of '/'", [0xc0, 0xaf]],
    ["an encoded surrogate", [0xed, 0xa0, 0x80]],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["the byte 0xff", [0x61, 0xff]],
  ])("rejects %s with null, like Python's strict decode", (_name, values) => {
    expect(utf8Decode(Uint8Array.from(values))).toBeNull();
  });

  it("rejects invalid bytes far into a long input", () => {
    const long = new Uint8Array(5000).fill(0x61);
    long[4999] = 0xff;
    expect(utf8Decode(long)).toBeNull();
  });

  it("agrees with a fatal TextDecoder on random bytes", () => {
    const reference = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        let expected: string | null;
        try {
          expected = reference.decode(b);
        } catch {
          expected = null;
        }
        expect(utf8Decode(b)).toBe(expected);
      }),
    );
  });
});

describe("hex", () => {
  it("writes lowercase hex like Buffer and reads it back", () => {
    fc.assert(
      fc.property(fc.uint8Array(), (b) => {
        const hex = bytesToHex(b);
        expect(hex).toBe(Buffer.from(b).toString("hex"));
        expect(hexToBytes(hex)).toEqual(b);
        expect(hexToBytes(hex.toUpperCase())).toEqual(b);
      }),
    );
  });

  it.each([
    ["0x0a ff", [10, 255]],
    ["0X0AFF", [10, 255]],
    [" 8f:3a:01\n", [0x8f, 0x3a, 0x01]],
    ["8f 3a\t01", [0x8f, 0x3a, 0x01]],
  ])("reads %j as pasted keys are written (0x, spaces, colons)", (h, bytes) => {
    expect(hexToBytes(h)).toEqual(new Uint8Array(bytes));
  });

  it.each(["0", "abc", "0g", "zz", "0x0", "x00", "00x", "é0", "0x 0"])(
    "rejects %j with null",
    (h) => {
      expect(hexToBytes(h)).toBeNull();
    },
  );

  it("reads the empty string as no bytes", () => {
    expect(hexToBytes("")).toEqual(new Uint8Array(0));
  });
});

describe("concatBytes", () => {
  it("joins parts in order", () => {
    expect(concatBytes(bytes(1, 2), bytes(), bytes(3))).toEqual(bytes(1, 2, 3));
    expect(concatBytes()).toEqual(new Uint8Array(0));
  });

  it("returns a new array even for one part", () => {
    const part = bytes(7);
    const joined = concatBytes(part);
    joined[0] = 8;
    expect(part[0]).toBe(7);
  });
});

describe("timingSafeEqual", () => {
  it("agrees with node:crypto for equal lengths and is false for different lengths", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }), (a, b) => {
        const expected = a.length === b.length && nodeTimingSafeEqual(a, b);
        expect(timingSafeEqual(a, b)).toBe(expected);
        expect(timingSafeEqual(a, a.slice())).toBe(true);
      }),
    );
  });

  it("notices a difference in the last byte only", () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
  });
});

describe("timingSafeStringEqual", () => {
  it("is string equality", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), (a, b) => {
        expect(timingSafeStringEqual(a, b)).toBe(a === b);
        expect(timingSafeStringEqual(a, `${a}`)).toBe(true);
      }),
    );
  });

  it("tells apart strings that differ only at the end or only in length", () => {
    expect(timingSafeStringEqual("abc", "abd")).toBe(false);
    expect(timingSafeStringEqual("abc", "abc=")).toBe(false);
    expect(timingSafeStringEqual("", "")).toBe(true);
  });
});
