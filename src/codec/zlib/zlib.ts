/**
 * zlib as CPython's `zlib.compress` / `zlib.decompress` see it: deflate over pako (pure JS,
 * sync), inflate by inflate.ts.
 *
 * Compression must be byte-identical to CPython for re-signed Flask/Django cookies to match
 * the framework's own: pako 2.2.0 at level 6 is (docs/formats.md §5; pako 3.x is not by default),
 * so pako stays pinned and zlib.test.ts checks the golden vectors byte for byte.
 *
 * Flask tries zlib on every payload it writes, so one deflate state is kept and reset between
 * calls (what zlib's deflateReset is for) instead of allocating ~200 KB per call: the output is
 * the same, the cost drops from ~100 µs to a few.
 *
 * Inflation is the codec's own (inflate.ts): bounded, because the input is hostile (a 4 KB
 * cookie can inflate to gigabytes), and without pako's per-call allocations.
 */
import * as deflateLib from "pako/lib/zlib/deflate.js";
import ZStream, { type DeflateState } from "pako/lib/zlib/zstream.js";
import { type InflateResult, inflateZlib } from "./inflate";

export type { InflateResult };

// zlib constants (zlib.h)
const Z_STREAM_END = 1;
const Z_FINISH = 4;
const Z_DEFLATED = 8;
const Z_DEFAULT_STRATEGY = 0;

let deflater: ZStream | null = null;
let lastInputLength = 0;

/**
 * zlib's deflateReset, with the hash-table clear done cheaply: pako clears its 32K-entry table
 * in a JS loop, which alone costs more than compressing a cookie. Only the heads the last input
 * can have set are cleared (see `clearHashHeads`). Fields as in pako's `lm_init` (level and its
 * tuning parameters are unchanged, so they are left as they are).
 */
function resetDeflater(strm: ZStream): void {
  deflateLib.deflateResetKeep(strm);
  const s = strm.state!;
  clearHashHeads(s, lastInputLength);
  // A fresh window is all zeros; zlib also zeroes what its match search may read past the
  // input. Clearing what the last call used keeps a reused state identical to a fresh one.
  s.window.fill(0, 0, lastInputLength + 512);
  s.window_size = 2 * s.w_size;
  s.strstart = 0;
  s.block_start = 0;
  s.lookahead = 0;
  s.insert = 0;
  s.match_length = 2; // MIN_MATCH - 1
  s.prev_length = 2;
  s.match_available = 0;
  s.ins_h = 0;
}

/**
 * Zero every hash head the last input can have set. deflate only inserts the strings that
 * start at input positions i with i + 2 inside the input, under the classic hash of their three
 * bytes, which are still in the window (inputs this small never slide it); so clearing the
 * heads of all those hashes leaves the table as clean as a full clear. Longer inputs, or other
 * hash parameters, get the full clear.
 */
function clearHashHeads(s: DeflateState, inputLength: number): void {
  const { head, window: bytes } = s; // pako's name; `window` is the DOM's in pure code
  if (inputLength > s.w_size / 2 || s.hash_shift !== 5 || s.hash_mask !== 0x7fff) {
    head.fill(0);
    return;
  }
  for (let i = 0; i + 2 < inputLength; i++) {
    head[((bytes[i]! << 10) ^ (bytes[i + 1]! << 5) ^ bytes[i + 2]!) & 0x7fff] = 0;
  }
}

/** Deflate output lands here; callers get an exact-size copy or a view. */
let outScratch = new Uint8Array(1024);
const KEEP_OUT_BYTES = 64 * 1024;

/** Deflate `b` into `outScratch`; returns the byte count. */
function deflateToScratch(b: Uint8Array): number {
  let strm = deflater;
  if (strm === null) {
    strm = new ZStream();
    deflateLib.deflateInit2(strm, 6, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, true);
  } else {
    resetDeflater(strm);
  }
  deflater = null; // taken: an exception below must not leave a half-used state behind
  // zlib's deflateBound for stored blocks is len + len/4096 + len/16384 + 13 (+ 6 framing); pad more.
  const bound = b.length + (b.length >> 10) + 64;
  if (outScratch.length < bound)
    outScratch = new Uint8Array(Math.max(bound, 2 * outScratch.length));
  const out = outScratch;
  strm.input = b;
  strm.next_in = 0;
  strm.avail_in = b.length;
  strm.output = out;
  strm.next_out = 0;
  strm.avail_out = out.length;
  const status = deflateLib.deflate(strm, Z_FINISH);
  const produced = strm.next_out;
  strm.input = null;
  strm.output = null;
  lastInputLength = b.length;
  if (status !== Z_STREAM_END) throw new Error(`zlib deflate failed (status ${status})`);
  deflater = strm;
  return produced;
}

/** CPython `zlib.compress(b)`: level 6, header 78 9c, Adler-32 trailer. */
export function zlibCompress(b: Uint8Array): Uint8Array {
  const produced = deflateToScratch(b);
  const bytes = outScratch.slice(0, produced);
  if (outScratch.length > KEEP_OUT_BYTES) outScratch = new Uint8Array(1024);
  return bytes;
}

/** zlibCompress into a buffer the next call overwrites: for bytes encoded at once (base64). */
export function zlibCompressTransient(b: Uint8Array): Uint8Array {
  const produced = deflateToScratch(b);
  const bytes = outScratch.subarray(0, produced);
  if (outScratch.length > KEEP_OUT_BYTES) outScratch = new Uint8Array(1024);
  return bytes;
}

/**
 * CPython `zlib.decompress(b)` with an output limit: a complete zlib stream (not gzip, not
 * raw deflate) whose output is at most `maxBytes`. Bytes after the end of the stream are
 * ignored, as CPython ignores them; a truncated or corrupt stream is "invalid". Never throws.
 * The codec's own inflater (inflate.ts): pako's allocates its state and tables per call.
 */
export function zlibInflate(b: Uint8Array, maxBytes: number): InflateResult {
  return inflateZlib(b, maxBytes);
}
