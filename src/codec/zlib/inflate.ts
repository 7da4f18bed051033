/**
 * Bounded zlib inflate (RFC 1950 + 1951) with CPython's `zlib.decompress` verdicts: a complete
 * zlib stream (no preset dictionary) whose Adler-32 matches, bytes after it ignored; anything
 * truncated or corrupt is "invalid". Output is capped: once it would pass `limit` bytes the
 * answer is "too_large" (a 4 KB cookie can be a gigabyte bomb), having allocated about
 * `limit` bytes at most. Never throws.
 *
 * Written for the codec rather than borrowed: a general-purpose inflater (pako) allocates its
 * state and tables per call, which cost more than decoding a cookie. Here the tables, the bit
 * reader and a grow-only output buffer are reused, and the symbol loop runs on local variables.
 */
import { reportInternalError } from "../internalErrors";
import { adler32 } from "./adler32";
import { inflateCodes } from "./inflateCodes";
import { readDynamicTables } from "./inflateDynamic";
import { INVALID, InflateState, OK, type Outcome, TOO_LARGE } from "./inflateState";
import { FIXED_DIST, FIXED_DIST_SHAPE, FIXED_LIT, FIXED_LIT_SHAPE } from "./inflateTables";

export { adler32 };

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: "too_large" | "invalid" };

/** A buffer bigger than this is not kept for the next call. */
const KEEP_OUTPUT_BYTES = 256 * 1024;

function run(s: InflateState): Outcome {
  const input = s.input;
  if (input.length < 2) return INVALID;
  const cmf = input[0]!;
  const flg = input[1]!;
  // zlib: header check, method 8, window ≤ 32K; a preset dictionary is CPython's Z_NEED_DICT error.
  if (((cmf << 8) | flg) % 31 !== 0 || (cmf & 15) !== 8 || cmf >> 4 > 7 || flg & 0x20) {
    return INVALID;
  }
  s.ip = 2;
  for (;;) {
    const final = s.take(1);
    const type = s.take(2);
    let outcome: Outcome;
    if (type === 0) outcome = stored(s);
    else if (type === 1)
      outcome = inflateCodes(s, FIXED_LIT, FIXED_LIT_SHAPE, FIXED_DIST, FIXED_DIST_SHAPE);
    else if (type === 2) outcome = dynamic(s);
    else outcome = INVALID;
    if (outcome !== OK) return outcome;
    if (final) break;
  }
  // The Adler-32 follows, big-endian, at the next byte boundary.
  const at = s.ip - (s.count >> 3);
  if (at + 4 > input.length) return INVALID;
  const expected =
    input[at]! * 0x1000000 + ((input[at + 1]! << 16) | (input[at + 2]! << 8) | input[at + 3]!);
  return adler32(s.out, s.op) === expected ? OK : INVALID;
}

/** A stored block: LEN, NLEN, then LEN bytes as they are. */
function stored(s: InflateState): Outcome {
  const input = s.input;
  const at = s.ip - (s.count >> 3); // drops the bits left in the current byte
  s.bits = 0;
  s.count = 0;
  if (at + 4 > input.length) return INVALID;
  const length = input[at]! | (input[at + 1]! << 8);
  if ((input[at + 2]! | (input[at + 3]! << 8)) !== (~length & 0xffff)) return INVALID;
  const from = at + 4;
  const available = Math.min(length, input.length - from);
  // zlib copies what it has before noticing the truncation, so that part counts to the limit.
  if (!s.reserve(available)) return TOO_LARGE;
  if (available < length) return INVALID;
  s.out.set(input.subarray(from, from + length), s.op);
  s.op += length;
  s.ip = from + length;
  return OK;
}

/** A dynamic block: its tables, then its data. */
function dynamic(s: InflateState): Outcome {
  const shapes = readDynamicTables(s);
  if (shapes < 0) return INVALID;
  return inflateCodes(s, s.lit, shapes & 255, s.dist, shapes >> 8);
}

let shared: InflateState | null = null;

/**
 * CPython `zlib.decompress(b)` limited to `maxBytes` of output (NaN or negative: nothing fits).
 * The bytes returned are the caller's own.
 */
export function inflateZlib(b: Uint8Array, maxBytes: number): InflateResult {
  return inflateWith(b, maxBytes, true);
}

/**
 * The same, but the bytes are a view of a reused buffer, valid until the next call: for a
 * caller that decodes them at once (UTF-8 → JSON text) and so need not pay for a copy.
 */
export function inflateZlibTransient(b: Uint8Array, maxBytes: number): InflateResult {
  return inflateWith(b, maxBytes, false);
}

function inflateWith(b: Uint8Array, maxBytes: number, copy: boolean): InflateResult {
  const state = shared ?? new InflateState();
  shared = null; // taken: a throw below must not leave a half-used state behind
  state.reset(b, maxBytes >= 0 ? Math.floor(maxBytes) : 0);
  let outcome: Outcome;
  try {
    outcome = run(state);
  } catch (e) {
    reportInternalError(e, "inflate"); // a bug, not an input: never surface it as a throw
    return { ok: false, error: "invalid" };
  }
  const out = state.out;
  const produced = state.op;
  state.release(KEEP_OUTPUT_BYTES);
  shared = state;
  if (outcome === OK) {
    return { ok: true, bytes: copy ? out.slice(0, produced) : out.subarray(0, produced) };
  }
  return { ok: false, error: outcome === TOO_LARGE ? "too_large" : "invalid" };
}
