/**
 * The codec's own inflater against node:zlib, which is the zlib CPython's `zlib.decompress`
 * uses: same bytes for every stream zlib can write (all levels, strategies, window and memory
 * sizes, multi-block and stored), same ok/invalid verdict for corrupted streams, and the output
 * limit applied to exactly the bytes zlib would have produced before the stream ended or broke.
 * Hand-made streams for the rules zlib's own deflate never exercises: inflateEdges.test.ts.
 */
import { constants, deflateRawSync, deflateSync, inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatBytes } from "../bytes";
import { adler32, inflateZlib } from "./inflate";

/** node:zlib's answer: the bytes, or null where it (and CPython) raises. */
function nodeInflate(input: Uint8Array): Uint8Array | null {
  try {
    return new Uint8Array(inflateSync(input));
  } catch {
    return null;
  }
}

const ours = (input: Uint8Array, limit = 1 << 24) => {
  const r = inflateZlib(input, limit);
  return r.ok ? r.bytes : null;
};

/** Both null, or the same bytes (a native compare: toEqual walks big arrays slowly). */
function same(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/** Data that exercises literals, short and long matches, long codes and far distances. */
const data = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc
    .array(
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 60 })),
    )
    .map((parts) => concatBytes(...parts.flatMap(([b, n]) => Array<Uint8Array>(n).fill(b)))),
  fc
    .tuple(fc.integer({ min: 1, max: 70_000 }), fc.integer({ min: 1, max: 255 }), fc.nat())
    .map(([n, spread, seed]) => skewed(n, spread, seed)),
);

/** `n` bytes from a skewed pseudo-random distribution: many symbols with long Huffman codes. */
function skewed(n: number, spread: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const r = (x >>> 0) / 2 ** 32;
    out[i] = Math.floor(spread * r * r * r);
  }
  return out;
}

const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(
    constants.Z_DEFAULT_STRATEGY,
    constants.Z_FILTERED,
    constants.Z_HUFFMAN_ONLY,
    constants.Z_RLE,
    constants.Z_FIXED,
  ),
  windowBits: fc.integer({ min: 9, max: 15 }),
  memLevel: fc.integer({ min: 1, max: 9 }),
});

/** A zlib stream of several independently flushed pieces (full flush: aligned, empty stored blocks). */
function multiBlock(pieces: Uint8Array[]): Uint8Array {
  const body = pieces.map(
    (p) => new Uint8Array(deflateRawSync(p, { finishFlush: constants.Z_FULL_FLUSH })),
  );
  const all = concatBytes(...pieces);
  const adler = adler32(all, all.length);
  const trailer = Uint8Array.of(adler >>> 24, adler >>> 16, adler >>> 8, adler);
  return concatBytes(Uint8Array.of(0x78, 0x9c), ...body, Uint8Array.of(0x03, 0x00), trailer);
}

describe("inflateZlib reads what zlib writes", () => {
  it("matches node:zlib for every level, strategy, window and memory size", () => {
    fc.assert(
      fc.property(data, options, (b, opts) => {
        const stream = new Uint8Array(deflateSync(b, opts));
        expect(same(ours(stream), b)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("reads multi-block streams with flush points", () => {
    fc.assert(
      fc.property(fc.array(data, { maxLength: 5 }), (pieces) => {
        const stream = multiBlock(pieces);
        expect(same(nodeInflate(stream), concatBytes(...pieces))).toBe(true);
        expect(same(ours(stream), concatBytes(...pieces))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("computes Adler-32 as zlib does, across its reduction points", () => {
    const b = skewed(20_000, 256, 7);
    const stream = new Uint8Array(deflateSync(b));
    const trailer = stream.subarray(stream.length - 4);
    const expected =
      ((trailer[0]! << 24) | (trailer[1]! << 16) | (trailer[2]! << 8) | trailer[3]!) >>> 0;
    expect(adler32(b, b.length)).toBe(expected);
    expect(adler32(new Uint8Array(9000).fill(255), 9000)).toBe(3_742_238_438); // CPython zlib.adler32(b"\xff" * 9000)
  });
});

describe("inflateZlib gives CPython's verdict on damaged streams", () => {
  it("agrees with node:zlib on corrupted, truncated and extended streams", () => {
    const damaged = fc
      .tuple(
        data,
        options,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
      )
      .map(([b, opts, flips, cut, truncate]) => {
        const stream = new Uint8Array(deflateSync(b, opts));
        for (const [at, flip] of flips) stream[at % stream.length]! ^= flip;
        return truncate ? stream.subarray(0, cut % (stream.length + 1)) : stream;
      });
    fc.assert(
      fc.property(damaged, (input) => {
        expect(same(ours(input), nodeInflate(input))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("inflateZlib bounds its output", () => {
  it("is too_large exactly when zlib would have produced more than the limit", () => {
    fc.assert(
      fc.property(data, fc.nat(), fc.nat(), (b, cut, rawLimit) => {
        const stream = new Uint8Array(deflateSync(b));
        const prefix = stream.subarray(0, cut % (stream.length + 1));
        // Sync flush returns what a truncated stream decodes to before it runs out.
        let produced: number;
        try {
          produced = inflateSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH }).length;
        } catch {
          produced = 0; // header incomplete: nothing decoded
        }
        const limit = rawLimit % (b.length + 2);
        const whole = prefix.length === stream.length;
        const expected = produced > limit ? "too_large" : whole ? "ok" : "invalid";
        const r = inflateZlib(prefix, limit);
        expect(r.ok ? "ok" : r.error).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("returns arrays of its own: a later call does not change an earlier result", () => {
    const first = ours(new Uint8Array(deflateSync("first")))!;
    ours(new Uint8Array(deflateSync("second")));
    expect(new TextDecoder().decode(first)).toBe("first");
  });
});
