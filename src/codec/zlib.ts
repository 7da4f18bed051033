/**
 * zlib as CPython's `zlib.compress` / `zlib.decompress` see it, over pako (pure JS, sync).
 *
 * Compression must be byte-identical to CPython for re-signed Flask/Django cookies to match
 * the framework's own: pako 2.2.0 at level 6 is (spec §3.4, §14; pako 3.x is not by default),
 * so pako stays pinned and zlib.test.ts checks the golden vectors byte for byte.
 *
 * Inflation is bounded because the input is hostile: a 4 KB cookie can inflate to gigabytes.
 * Output is taken chunk by chunk and decoding stops as soon as it passes `maxBytes`, so a
 * bomb costs about `maxBytes` of memory and a few milliseconds.
 */
import { deflate, Inflate } from "pako";

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: "too_large" | "invalid" };

/** CPython `zlib.compress(b)`: level 6, header 78 9c, Adler-32 trailer. */
export function zlibCompress(b: Uint8Array): Uint8Array {
  return deflate(b, { level: 6 });
}

/** Thrown from pako's output callback to abandon a stream that outgrew its limit. */
const OUTGREW_LIMIT = new Error("inflated output exceeds the limit");

/**
 * CPython `zlib.decompress(b)` with an output limit: a complete zlib stream (not gzip, not
 * raw deflate) whose output is at most `maxBytes`. Bytes after the end of the stream are
 * ignored, as CPython ignores them; a truncated or corrupt stream is "invalid". Never throws.
 */
export function zlibInflate(b: Uint8Array, maxBytes: number): InflateResult {
  // Output chunk: big enough that a typical cookie inflates in one, small enough that the
  // overshoot past maxBytes stays small.
  const limit = maxBytes >= 0 ? Math.floor(maxBytes) : 0; // NaN or negative: nothing fits
  const chunkSize = Math.min(limit + 1, Math.max(1024, 4 * b.length), 65536);
  const inflator = new Inflate({ windowBits: 15, chunkSize });
  const chunks: Uint8Array[] = [];
  let total = 0;
  let status = -1;
  inflator.onData = (chunk) => {
    const bytes = chunk as Uint8Array; // binary output (no `to: "string"`) is always Uint8Array
    total += bytes.length;
    if (total > limit) throw OUTGREW_LIMIT;
    chunks.push(bytes);
  };
  // Replaces pako's onEnd, which would also join its own (unused) chunk list.
  inflator.onEnd = (endStatus) => {
    status = endStatus;
  };
  try {
    inflator.push(b, true);
  } catch (error) {
    return { ok: false, error: error === OUTGREW_LIMIT ? "too_large" : "invalid" };
  }
  if (status !== 0) return { ok: false, error: "invalid" }; // 0 = Z_OK after Z_STREAM_END
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : joinChunks(chunks, total) };
}

function joinChunks(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
