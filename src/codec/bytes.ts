/**
 * Byte helpers the codec builds on: UTF-8, hex, concatenation and constant-time compares.
 *
 * Pure and synchronous (no Buffer, no node:crypto) so the same code runs in Node, a page, a
 * worker and an extension service worker. Short ASCII strings (signature inputs, salts) are
 * encoded by a plain loop, which beats TextEncoder's fixed call cost up to ~64 characters;
 * decoding always uses TextDecoder, which is faster than any JS loop (measured in Node 20).
 *
 * A typed array over 64 bytes lives outside the JS heap and costs 0.3–2 µs to allocate, more
 * than hashing or decoding a cookie-sized input. So the hot path (verify a cookie) encodes into
 * reused scratch buffers with `encodeInto` (native, ~10x a JS loop) and reads them at once:
 * the *Scratch functions return views that the next call to the same function overwrites.
 */

const encoder = new TextEncoder();
/** fatal: invalid UTF-8 is an error (Python's strict decode); ignoreBOM: keep a BOM as U+FEFF, as Python does. */
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Strings up to this length are tried on the ASCII loop before TextEncoder. */
const ASCII_LOOP_MAX = 64;

/** UTF-8 bytes of a string. Lone surrogates become U+FFFD (EF BF BD), as TextEncoder does. */
export function utf8Encode(s: string): Uint8Array {
  const n = s.length;
  if (n <= ASCII_LOOP_MAX) {
    const out = new Uint8Array(n);
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) break;
      out[i] = c;
    }
    if (i === n) return out;
  }
  return encoder.encode(s);
}

/** Scratch buffers are kept up to this size; longer strings get a buffer of their own. */
const SCRATCH_MAX = 256 * 1024;
let utf8Scratch = new Uint8Array(1024);
let asciiBuffer = new Uint8Array(1024);

/** UTF-8 bytes of `s` (as utf8Encode) in a buffer the next call overwrites. */
export function utf8EncodeScratch(s: string): Uint8Array {
  const worst = 3 * s.length; // UTF-8 needs at most 3 bytes per UTF-16 unit
  if (worst > utf8Scratch.length) {
    if (worst > SCRATCH_MAX) return encoder.encode(s);
    utf8Scratch = new Uint8Array(Math.max(worst, 2 * utf8Scratch.length));
  }
  return utf8Scratch.subarray(0, encoder.encodeInto(s, utf8Scratch).written);
}

/**
 * The bytes of `s` if every character is ASCII, at the start of a buffer the next call
 * overwrites (read `[0, s.length)`); null if `s` holds anything else.
 */
export function asciiScratch(s: string): Uint8Array | null {
  const n = s.length;
  if (n > asciiBuffer.length) {
    if (n > SCRATCH_MAX) return null;
    asciiBuffer = new Uint8Array(Math.max(n, 2 * asciiBuffer.length));
  }
  const { read, written } = encoder.encodeInto(s, asciiBuffer);
  return read === n && written === n ? asciiBuffer : null;
}

/** Text of UTF-8 bytes, or null if they are not valid UTF-8 (overlong, surrogate, truncated…). */
export function utf8Decode(b: Uint8Array): string | null {
  try {
    return strictDecoder.decode(b);
  } catch {
    return null;
  }
}

const HEX_DIGITS = "0123456789abcdef";
const BYTE_TO_HEX: string[] = Array.from(
  { length: 256 },
  (_, i) => HEX_DIGITS[i >> 4]! + HEX_DIGITS[i & 15]!,
);

/** Lowercase hex. */
export function bytesToHex(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += BYTE_TO_HEX[b[i]!]!;
  return s;
}

/** Value of one hex digit (either case), or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

/**
 * Bytes of hex text, by the one rule the CLI, the panel and the editor share: either case, an
 * optional `0x` prefix, and whitespace or `:` between digits ignored (so `0x8f3a 01` and
 * `8f:3a:01`, as people paste keys, both work); null unless an even number of digits remains.
 */
export function hexToBytes(text: string): Uint8Array | null {
  const h = text
    .trim()
    .replace(/^0x/i, "")
    .replace(/[\s:]+/g, "");
  if (h.length % 2 !== 0) return null;
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(h.charCodeAt(2 * i));
    const lo = hexValue(h.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return null;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** One new array holding the parts in order. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Equal bytes? For equal lengths the time does not depend on where they differ (every byte is
 * visited); different lengths return false at once, as lengths of MACs are not secret.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Equal strings (UTF-16 code units), compared like timingSafeEqual: every unit is visited. */
export function timingSafeStringEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
