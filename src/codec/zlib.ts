/**
 * zlib as CPython's `zlib.compress` / `zlib.decompress` see it, over pako (pure JS, sync).
 *
 * Compression must be byte-identical to CPython for re-signed Flask/Django cookies to match
 * the framework's own: pako 2.2.0 at level 6 is (spec §3.4, §14; pako 3.x is not by default),
 * so pako stays pinned and zlib.test.ts checks the golden vectors byte for byte.
 *
 * Flask tries zlib on every payload it writes, so one deflate and one inflate state are kept
 * and reset between calls (what zlib's deflateReset/inflateReset are for) instead of
 * allocating ~200 KB per call: the output is the same, the cost drops from ~100 µs to a few.
 *
 * Inflation is bounded because the input is hostile: a 4 KB cookie can inflate to gigabytes.
 * Output is taken chunk by chunk and decoding stops as soon as it passes `maxBytes`, so a
 * bomb costs about `maxBytes` of memory and a few milliseconds.
 */
import * as deflateLib from "pako/lib/zlib/deflate.js";
import * as inflateLib from "pako/lib/zlib/inflate.js";
import ZStream from "pako/lib/zlib/zstream.js";

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: "too_large" | "invalid" };

// zlib constants (zlib.h)
const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_NO_FLUSH = 0;
const Z_FINISH = 4;
const Z_DEFLATED = 8;
const Z_DEFAULT_STRATEGY = 0;

let deflater: ZStream | null = null;
let lastInputLength = 0;
let inflater: ZStream | null = null;

/**
 * zlib's deflateReset, with the hash-table clear done by a native fill: pako clears its 32K-entry
 * table in a JS loop, which alone costs more than compressing a cookie. Fields as in pako's
 * `lm_init` (level and its tuning parameters are unchanged, so they are left as they are).
 */
function resetDeflater(strm: ZStream): void {
  deflateLib.deflateResetKeep(strm);
  const s = strm.state!;
  s.head.fill(0);
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

/** CPython `zlib.compress(b)`: level 6, header 78 9c, Adler-32 trailer. */
export function zlibCompress(b: Uint8Array): Uint8Array {
  let strm = deflater;
  if (strm === null) {
    strm = new ZStream();
    deflateLib.deflateInit2(strm, 6, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, true);
  } else {
    resetDeflater(strm);
  }
  deflater = null; // taken: an exception below must not leave a half-used state behind
  // zlib's deflateBound for stored blocks is len + len/4096 + len/16384 + 13 (+ 6 framing); pad more.
  const out = new Uint8Array(b.length + (b.length >> 10) + 64);
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
  return out.slice(0, produced);
}

/**
 * CPython `zlib.decompress(b)` with an output limit: a complete zlib stream (not gzip, not
 * raw deflate) whose output is at most `maxBytes`. Bytes after the end of the stream are
 * ignored, as CPython ignores them; a truncated or corrupt stream is "invalid". Never throws.
 */
export function zlibInflate(b: Uint8Array, maxBytes: number): InflateResult {
  const limit = maxBytes >= 0 ? Math.floor(maxBytes) : 0; // NaN or negative: nothing fits
  // Big enough that a typical cookie inflates in one chunk, small enough that the overshoot
  // past the limit stays small.
  const chunkSize = Math.max(1, Math.min(limit + 1, Math.max(1024, 4 * b.length), 65536));
  let strm = inflater;
  if (strm === null) {
    strm = new ZStream();
    inflateLib.inflateInit2(strm, 15);
  } else {
    inflateLib.inflateReset(strm);
  }
  inflater = null;
  try {
    const outcome = inflateInto(strm, b, limit, chunkSize);
    inflater = strm;
    return outcome;
  } catch {
    return { ok: false, error: "invalid" };
  } finally {
    strm.input = null;
    strm.output = null;
  }
}

function inflateInto(
  strm: ZStream,
  b: Uint8Array,
  limit: number,
  chunkSize: number,
): InflateResult {
  strm.input = b;
  strm.next_in = 0;
  strm.avail_in = b.length;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const out = new Uint8Array(chunkSize);
    strm.output = out;
    strm.next_out = 0;
    strm.avail_out = chunkSize;
    const status = inflateLib.inflate(strm, Z_NO_FLUSH);
    const produced = strm.next_out;
    total += produced;
    if (total > limit) return { ok: false, error: "too_large" };
    if (produced > 0) chunks.push(produced === chunkSize ? out : out.subarray(0, produced));
    if (status === Z_STREAM_END) return { ok: true, bytes: join(chunks, total) };
    if (status !== Z_OK) return { ok: false, error: "invalid" }; // data error, dictionary, …
    if (strm.avail_in === 0 && strm.avail_out > 0) return { ok: false, error: "invalid" }; // truncated
  }
}

function join(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
