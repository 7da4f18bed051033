/**
 * Hand-made deflate streams for the rules zlib's own deflate never exercises (odd Huffman
 * tables, bad repeats, bad distances, bad stored lengths), each next to a twin that differs
 * only in the rule: node:zlib (CPython's zlib) accepts the twin and refuses the broken one.
 * After each violation the stream goes on producing output past a small limit, so an inflater
 * that tolerated the violation would answer "too_large" instead of "invalid".
 */
import { inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatBytes } from "../bytes";
import { adler32, inflateZlib } from "./inflate";
import { DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA } from "./inflateTables";

function nodeInflate(input: Uint8Array): Uint8Array | null {
  try {
    return new Uint8Array(inflateSync(input));
  } catch {
    return null;
  }
}

const verdict = (input: Uint8Array, limit: number) => {
  const r = inflateZlib(input, limit);
  return r.ok ? "ok" : r.error;
};

/** LSB-first bit packing, as deflate writes. */
class BitWriter {
  bytes: number[] = [];
  private acc = 0;
  private n = 0;
  bits(value: number, count: number): this {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) this.align();
    }
    return this;
  }
  /** A Huffman code: most significant bit first. */
  code(value: number, length: number): this {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
    return this;
  }
  align(): this {
    if (this.n > 0) this.bytes.push(this.acc);
    this.acc = 0;
    this.n = 0;
    return this;
  }
  /** Header, blocks, then the Adler-32 of `output`. */
  zlib(output: Uint8Array, header = [0x78, 0x9c]): Uint8Array {
    this.align();
    const a = adler32(output, output.length);
    const trailer = [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255];
    return Uint8Array.from([...header, ...this.bytes, ...trailer]);
  }
}

/** Canonical Huffman codes (RFC 1951 §3.2.2) for `lengths` (symbol → length, 0 = unused). */
function canonical(lengths: number[]): number[] {
  const count = Array<number>(16).fill(0);
  for (const l of lengths) if (l > 0) count[l]!++;
  const next = Array<number>(16).fill(0);
  for (let len = 1, code = 0; len < 16; len++) {
    code = (code + count[len - 1]!) << 1;
    next[len] = code;
  }
  count[0] = 0;
  return lengths.map((l) => (l > 0 ? next[l]!++ : 0));
}

/** A literal, a [length, distance] match, the end of the block, or raw symbols (no extra bits). */
type Op = number | [length: number, distance: number] | "end" | { raw: number; dist: number };

interface Codes {
  lit: number[];
  dist: number[];
}

function codesOf(
  lit: number[],
  dist: number[],
): Codes & { litCodes: number[]; distCodes: number[] } {
  return { lit, dist, litCodes: canonical(lit), distCodes: canonical(dist) };
}

/** Literals, [length, distance] matches and the end-of-block code, with the given codes. */
function writeOps(w: BitWriter, c: ReturnType<typeof codesOf>, ops: Op[]): void {
  for (const op of ops) {
    if (op === "end") w.code(c.litCodes[256]!, c.lit[256]!);
    else if (typeof op === "number") w.code(c.litCodes[op]!, c.lit[op]!);
    else if (!Array.isArray(op)) {
      w.code(c.litCodes[op.raw]!, c.lit[op.raw]!).code(c.distCodes[op.dist]!, c.dist[op.dist]!);
    } else {
      const [length, distance] = op;
      const li = lastAtMost(LENGTH_BASE, length);
      w.code(c.litCodes[257 + li]!, c.lit[257 + li]!).bits(
        length - LENGTH_BASE[li]!,
        LENGTH_EXTRA[li]!,
      );
      const di = lastAtMost(DIST_BASE, distance);
      w.code(c.distCodes[di]!, c.dist[di]!).bits(distance - DIST_BASE[di]!, DIST_EXTRA[di]!);
    }
  }
}

/** Index of the last base ≤ value: the symbol whose range holds it. */
function lastAtMost(bases: number[], value: number): number {
  let i = bases.length - 1;
  while (bases[i]! > value) i--;
  return i;
}

/** What `ops` decode to, as a tolerant inflater would write it. */
function expand(ops: Op[]): Uint8Array {
  const out: number[] = [];
  for (const op of ops) {
    if (typeof op === "number") out.push(op);
    else if (Array.isArray(op))
      for (let i = 0; i < op[0]; i++) out.push(out[out.length - op[1]] ?? 0);
  }
  return Uint8Array.from(out);
}

/** Code-length code: symbols 0..12 at 4 bits, 13..18 at 5 (a complete code). */
const CL_LENGTHS = Array.from({ length: 19 }, (_, s) => (s < 13 ? 4 : 5));
const CL_CODES = canonical(CL_LENGTHS);
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A dense array of `n` lengths from a sparse symbol → length map. */
const lengthsOf = (n: number, set: Record<number, number>) =>
  Array.from({ length: n }, (_, s) => set[s] ?? 0);

/**
 * One final dynamic block. `sequence` overrides how the code lengths are sent, as
 * [code-length symbol, extra bits] pairs; by default each length is sent as itself.
 */
function dynamic(
  lit: number[],
  dist: number[],
  ops: Op[],
  sequence?: [number, number][],
  header?: number[],
): Uint8Array {
  const w = new BitWriter().bits(1, 1).bits(2, 2);
  w.bits(lit.length - 257, 5)
    .bits(dist.length - 1, 5)
    .bits(19 - 4, 4);
  for (const s of CL_ORDER) w.bits(CL_LENGTHS[s]!, 3);
  for (const [symbol, extra] of sequence ??
    [...lit, ...dist].map((l) => [l, 0] as [number, number])) {
    w.code(CL_CODES[symbol]!, CL_LENGTHS[symbol]!).bits(extra, [0, 2, 3, 7][symbol - 15] ?? 0);
  }
  writeOps(w, codesOf(lit, dist), ops);
  return w.zlib(expand(ops), header);
}

const FIXED = codesOf(
  Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)),
  Array<number>(32).fill(5),
);
function fixed(ops: Op[]): Uint8Array {
  const w = new BitWriter().bits(1, 1).bits(1, 2);
  writeOps(w, FIXED, ops);
  return w.zlib(expand(ops));
}

/** 'A', then 40 bytes of matches: past the limit of 10 used below. */
const LONG: Op[] = [65, [20, 1], [20, 1], "end"];
/** The length symbol for 20 (269: 19 + 2 extra bits). */
const M = 257 + lastAtMost(LENGTH_BASE, 20);
const DIST1 = lengthsOf(30, { 0: 1 }); // one one-bit distance code: allowed
const LIT = (extra: Record<number, number>) => lengthsOf(286, { 65: 2, 256: 2, [M]: 2, ...extra });

/** [case, broken stream, its valid twin]. */
const PAIRS: [string, Uint8Array, Uint8Array][] = [
  [
    "an incomplete literal/length code",
    dynamic(LIT({}), DIST1, LONG),
    dynamic(LIT({ 66: 2 }), DIST1, LONG),
  ],
  [
    "an incomplete distance code of two lengths",
    dynamic(LIT({ 66: 2 }), lengthsOf(30, { 0: 2, 1: 2 }), LONG),
    dynamic(LIT({ 66: 2 }), lengthsOf(30, { 0: 2, 1: 2, 2: 1 }), LONG),
  ],
  [
    "no end-of-block code",
    dynamic(lengthsOf(286, { 65: 1, [M]: 1 }), DIST1, LONG.slice(0, 3)),
    dynamic(lengthsOf(286, { 65: 1, 256: 2, [M]: 2 }), DIST1, LONG),
  ],
  [
    "287 literal/length codes",
    dynamic(lengthsOf(287, { 65: 2, 66: 2, 256: 2, [M]: 2 }), DIST1, LONG),
    dynamic(lengthsOf(286, { 65: 2, 66: 2, 256: 2, [M]: 2 }), DIST1, LONG),
  ],
  [
    "31 distance codes",
    dynamic(LIT({ 66: 2 }), lengthsOf(31, { 0: 1 }), LONG),
    dynamic(LIT({ 66: 2 }), lengthsOf(30, { 0: 1 }), LONG),
  ],
  [
    "a repeat of the previous length with none before it",
    dynamic(LIT({ 66: 2 }), DIST1, LONG, repeatSequence(16)),
    dynamic(LIT({ 66: 2 }), DIST1, LONG, repeatSequence(17)),
  ],
  [
    "a zero run past the last code length",
    dynamic(LIT({ 66: 2 }), DIST1, LONG, zeroRunSequence(1)),
    dynamic(LIT({ 66: 2 }), DIST1, LONG, zeroRunSequence(0)),
  ],
  [
    "fixed literal/length code 286",
    fixed([65, { raw: 286, dist: 0 }, ...LONG.slice(1)]),
    fixed([65, [3, 1], ...LONG.slice(1)]),
  ],
  [
    "fixed distance code 30",
    fixed([65, { raw: 257, dist: 30 }, ...LONG.slice(1)]),
    fixed([65, [3, 1], ...LONG.slice(1)]),
  ],
  ["a distance past the start of the output", fixed([65, [20, 2], [20, 1], "end"]), fixed(LONG)],
  ["a stored block whose NLEN is not ~LEN", stored(40, 0xffff ^ 41), stored(40, 0xffff ^ 40)],
  [
    "a 64 KiB window (CINFO 8)",
    dynamic(LIT({ 66: 2 }), DIST1, LONG, undefined, [0x88, 0x1c]),
    dynamic(LIT({ 66: 2 }), DIST1, LONG, undefined, [0x78, 0xda]),
  ],
];

/** LIT's lengths with the first three (all zero) sent as code-length symbol 16 or 17. */
function repeatSequence(symbol: 16 | 17): [number, number][] {
  const lengths = [...LIT({ 66: 2 }), ...DIST1];
  return [[symbol, 0], ...lengths.slice(3).map((l) => [l, 0] as [number, number])];
}

/** The lengths with the trailing distance zeros sent as one run, `over` codes too long. */
function zeroRunSequence(over: number): [number, number][] {
  const lengths = [...LIT({ 66: 2 }), ...DIST1];
  return [...lengths.slice(0, -29).map((l) => [l, 0] as [number, number]), [18, 29 + over - 11]];
}

function stored(length: number, nlen: number): Uint8Array {
  const body = new Uint8Array(length).fill(65);
  const w = new BitWriter().bits(1, 1).bits(0, 2).align().bits(length, 16).bits(nlen, 16);
  for (const b of body) w.bits(b, 8);
  return w.zlib(body);
}

describe("inflateZlib follows zlib on streams zlib's deflate never writes", () => {
  it.each(PAIRS)("refuses %s, as zlib does, and reads its valid twin", (_name, broken, twin) => {
    const twinBytes = nodeInflate(twin);
    expect(twinBytes).not.toBeNull();
    expect(verdict(twin, 1 << 20)).toBe("ok");
    expect(inflateZlib(twin, 1 << 20)).toEqual({ ok: true, bytes: twinBytes });
    expect(verdict(twin, 10)).toBe("too_large");
    expect(nodeInflate(broken)).toBeNull();
    expect(verdict(broken, 10)).toBe("invalid");
  });

  it.each([
    [
      "a lone end-of-block code (a one-code literal table)",
      dynamic(lengthsOf(257, { 256: 1 }), lengthsOf(1, {}), ["end"]),
    ],
    [
      "literals only, with no distance codes at all",
      dynamic(LIT({ 66: 2 }), lengthsOf(1, {}), [65, 66, "end"]),
    ],
    [
      "a match with no distance codes at all",
      dynamic(LIT({ 66: 2 }), lengthsOf(1, {}), [65, [20, 1], "end"]),
    ],
  ])("same verdict as zlib for %s", (_name, input) => {
    expect(inflateZlib(input, 1 << 20)).toEqual(
      nodeInflate(input) === null
        ? { ok: false, error: "invalid" }
        : { ok: true, bytes: nodeInflate(input) },
    );
  });

  it("counts a truncated stored block's bytes up to where its input ends, as zlib does", () => {
    const cut = stored(40, 0xffff ^ 40).subarray(0, 2 + 1 + 4 + 20); // header, block header, LEN/NLEN, 20 bytes
    expect(nodeInflate(cut)).toBeNull();
    expect(verdict(cut, 30)).toBe("invalid");
    expect(verdict(cut, 20)).toBe("invalid");
    expect(verdict(cut, 19)).toBe("too_large");
  });

  it("agrees with zlib on dynamic headers with random code-length codes", () => {
    fc.assert(
      fc.property(randomDynamicHeader, (input) => {
        const ours = inflateZlib(input, 1 << 20);
        const theirs = nodeInflate(input);
        expect(ours.ok ? Array.from(ours.bytes) : null).toEqual(theirs && Array.from(theirs));
      }),
      { numRuns: 3000 },
    );
  });
});

/** Random small code-length codes and lengths: mostly broken tables, some odd valid ones. */
const randomDynamicHeader = fc
  .record({
    hlit: fc.integer({ min: 0, max: 31 }),
    hdist: fc.integer({ min: 0, max: 31 }),
    clLengths: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 19 }),
    symbols: fc.array(fc.tuple(fc.integer({ min: 0, max: 18 }), fc.nat(127)), { maxLength: 320 }),
    tail: fc.uint8Array({ maxLength: 40 }),
  })
  .map(({ hlit, hdist, clLengths, symbols, tail }) => {
    const w = new BitWriter().bits(1, 1).bits(2, 2).bits(hlit, 5).bits(hdist, 5);
    w.bits(clLengths.length - 4, 4);
    for (const l of clLengths) w.bits(l, 3);
    for (const [symbol, extra] of symbols) w.bits(symbol, 5).bits(extra, 7);
    w.align();
    return concatBytes(Uint8Array.of(0x78, 0x9c), Uint8Array.from(w.bytes), tail);
  });
