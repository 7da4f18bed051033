/**
 * Byte helpers the codec builds on: UTF-8, hex, concatenation and constant-time compares.
 *
 * Pure and synchronous (no Buffer, no node:crypto) so the same code runs in Node, a page, a
 * worker and an extension service worker. Short ASCII strings (signature inputs, salts) are
 * encoded by a plain loop, which beats TextEncoder's fixed call cost up to ~64 characters;
 * decoding always uses TextDecoder, which is faster than any JS loop (measured in Node 20).
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

/** Bytes of a hex string (either case); null if its length is odd or it holds a non-hex character. */
export function hexToBytes(h: string): Uint8Array | null {
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
