/**
 * Base64 exactly as the frameworks read and write it, plus itsdangerous' integer packing.
 *
 * Each decoder reproduces one real implementation, leniency included, because a cookie is
 * valid or not according to what the server does, not according to RFC 4648:
 *  - b64urlDecodePy: itsdangerous `base64_decode` (Flask, Starlette and itsdangerous signatures
 *    and timestamps, Flask payloads);
 *  - b64DecodePy: Python `base64.b64decode` on a str (Starlette payload, Flask's " b" tag);
 *  - b64DecodeNode: Node `Buffer.from(s, "base64")` (cookie-session payload).
 * Pure and synchronous: no Buffer, no atob (atob is strict and Latin-1 based). Encoders are in
 * base64Encode.ts, re-exported here.
 */
import { asciiScratch } from "../bytes";

export { b64EncodeStd, b64urlEncode } from "./base64Encode";

const STD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PAD = 61; // "="

/** Char code (0–255) → 6-bit value, or -1 for characters the decoder skips. */
function decodeTable(alphabets: string[]): Int8Array {
  const table = new Int8Array(256).fill(-1);
  for (const alphabet of alphabets) {
    for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  }
  return table;
}

/** binascii.a2b_base64 only knows the standard alphabet. */
const PY_STD_TABLE = decodeTable([STD_ALPHABET]);
/** urlsafe_b64decode maps "-" → "+" and "_" → "/" first, so both alphabets decode. */
const PY_URLSAFE_TABLE = decodeTable([STD_ALPHABET, URL_ALPHABET]);
/** Node's decoder accepts both alphabets too. */
const NODE_TABLE = PY_URLSAFE_TABLE;

/** Decoded bytes land here; callers get an exact-size copy or, on the hot path, a view. */
let scratch = new Uint8Array(512);

type Dialect = "python" | "itsdangerous" | "node";

/**
 * The three lenient decoders in one loop, into `scratch`; returns the byte count, or -1 where
 * Python raises. Characters outside `table` are skipped (Python also skips chars above 0x7f
 * here; callers that must fail on them check first, as Python does).
 *  - python: CPython's non-strict `binascii.a2b_base64`. Decoding stops at the "=" that
 *    completes a quad; a final partial quad of 1 character, or of 2–3 without enough "=", is
 *    an error, exactly where Python raises binascii.Error.
 *  - itsdangerous: the same after appending "=" * (-len(ascii chars) % 4).
 *  - node: each UTF-16 unit is read as its low byte, the first "=" ends decoding, and a
 *    partial quad keeps the bytes it completed.
 * Groups of four valid ASCII characters take a fast path; the state machine handles the rest.
 */
function decode(s: string, table: Int8Array, dialect: Dialect): number {
  const length = s.length;
  if (scratch.length < length + 3) scratch = new Uint8Array(length + 3);
  const out = scratch;
  const node = dialect === "node";
  let n = 0;
  let quadPos = 0;
  let left = 0;
  let pads = 0;
  let nonAscii = 0;
  let extraPads = -1; // itsdangerous: computed once `s` is consumed
  for (let i = 0; ; ) {
    if (quadPos === 0 && i + 4 <= length) {
      const c0 = s.charCodeAt(i);
      const c1 = s.charCodeAt(i + 1);
      const c2 = s.charCodeAt(i + 2);
      const c3 = s.charCodeAt(i + 3);
      if ((c0 | c1 | c2 | c3) <= 0x7f) {
        const a = table[c0]!;
        const b = table[c1]!;
        const c = table[c2]!;
        const d = table[c3]!;
        if ((a | b | c | d) >= 0) {
          out[n] = (a << 2) | (b >> 4);
          out[n + 1] = (b << 4) | (c >> 2);
          out[n + 2] = (c << 6) | d;
          n += 3;
          i += 4;
          continue;
        }
      }
    }
    let c: number;
    if (i < length) {
      c = s.charCodeAt(i++);
      if (node) c &= 0xff;
      else if (c > 0x7f) nonAscii++;
    } else if (dialect === "itsdangerous") {
      if (extraPads < 0) extraPads = (4 - ((length - nonAscii) % 4)) % 4;
      if (extraPads-- === 0) break;
      c = PAD;
    } else {
      break;
    }
    if (c === PAD) {
      if (node) break;
      if (quadPos >= 2 && quadPos + ++pads >= 4) return n;
      continue;
    }
    const v = c > 0xff ? -1 : table[c]!;
    if (v < 0) continue;
    pads = 0;
    if (quadPos === 0) {
      left = v;
      quadPos = 1;
    } else if (quadPos === 1) {
      out[n++] = (left << 2) | (v >> 4);
      left = v & 0x0f;
      quadPos = 2;
    } else if (quadPos === 2) {
      out[n++] = (left << 4) | (v >> 2);
      left = v & 0x03;
      quadPos = 3;
    } else {
      out[n++] = (left << 6) | v;
      quadPos = 0;
    }
  }
  return quadPos === 0 || node ? n : -1;
}

/** Shorter inputs are not worth `encodeInto`'s call cost. */
const FAST_MIN_LENGTH = 32;

/**
 * The common case of the Python dialects, read from the input's ASCII bytes: every character
 * in `table`, and either no "=" and a length that is not 1 mod 4 (itsdangerous pads the rest)
 * or, `padded`, a multiple of 4 ending in at most two "=". Returns the byte count, or -1 for
 * "not that case": the caller then runs `decode`, which handles everything else exactly.
 */
function decodeCanonical(s: string, table: Int8Array, padded: boolean): number {
  const n = s.length;
  if (n < FAST_MIN_LENGTH) return -1;
  const src = asciiScratch(s);
  if (src === null) return -1;
  let end = n;
  if (padded) {
    if ((n & 3) !== 0) return -1;
    if (src[n - 1] === PAD) end -= src[n - 2] === PAD ? 2 : 1;
  }
  const rest = end & 3;
  if (rest === 1) return -1;
  const whole = end - rest;
  if (scratch.length < n) scratch = new Uint8Array(n);
  const out = scratch;
  let o = 0;
  let invalid = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = table[src[i]!]!;
    const b = table[src[i + 1]!]!;
    const c = table[src[i + 2]!]!;
    const d = table[src[i + 3]!]!;
    invalid |= a | b | c | d;
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = (b << 4) | (c >> 2);
    out[o + 2] = (c << 6) | d;
    o += 3;
  }
  if (rest > 0) {
    const a = table[src[whole]!]!;
    const b = table[src[whole + 1]!]!;
    invalid |= a | b;
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) {
      const c = table[src[whole + 2]!]!;
      invalid |= c;
      out[o++] = (b << 4) | (c >> 2);
    }
  }
  return invalid < 0 ? -1 : o;
}

const copyOf = (n: number): Uint8Array | null => (n < 0 ? null : scratch.slice(0, n));
const viewOf = (n: number): Uint8Array | null => (n < 0 ? null : scratch.subarray(0, n));

function urlsafeLength(s: string): number {
  const fast = decodeCanonical(s, PY_URLSAFE_TABLE, false);
  return fast >= 0 ? fast : decode(s, PY_URLSAFE_TABLE, "itsdangerous");
}

function standardLength(s: string): number {
  const fast = decodeCanonical(s, PY_STD_TABLE, true);
  if (fast >= 0) return fast;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return -1;
  return decode(s, PY_STD_TABLE, "python");
}

/**
 * itsdangerous `base64_decode`: drop non-ASCII characters, pad with "=" to a multiple of 4,
 * then `urlsafe_b64decode` (lenient). Null where itsdangerous raises BadData.
 */
export function b64urlDecodePy(s: string): Uint8Array | null {
  return copyOf(urlsafeLength(s));
}

/** b64urlDecodePy into a buffer that the next decode overwrites: for bytes consumed at once. */
export function b64urlDecodePyScratch(s: string): Uint8Array | null {
  return viewOf(urlsafeLength(s));
}

/**
 * Python `base64.b64decode(s)` for a str `s` (validate=False): null if `s` holds a non-ASCII
 * character (Python raises ValueError) or where binascii raises. "-" and "_" are skipped.
 */
export function b64DecodePy(s: string): Uint8Array | null {
  return copyOf(standardLength(s));
}

/** b64DecodePy into a buffer that the next decode overwrites: for bytes consumed at once. */
export function b64DecodePyScratch(s: string): Uint8Array | null {
  return viewOf(standardLength(s));
}

/**
 * Node `Buffer.from(s, "base64")`: both alphabets, invalid characters skipped, decoding stops at
 * the first "=", a trailing single character is dropped, never fails. Node reads each UTF-16
 * unit as its low byte (so "Ł", U+0141, decodes as "A"); that quirk is kept.
 */
export function b64DecodeNode(s: string): Uint8Array {
  const n = decode(s, NODE_TABLE, "node"); // never fails; first, as it may replace `scratch`
  return scratch.slice(0, n);
}

/** itsdangerous packs a timestamp as an unsigned 8-byte integer (struct ">Q"). */
export const MAX_PACKED_INT = 2n ** 64n - 1n;

/**
 * itsdangerous `int_to_bytes`: big-endian, leading zero bytes stripped (0 → empty). Accepts
 * integers 0 … 2^64−1 and throws RangeError otherwise (Python's struct.pack raises).
 */
export function intToBytes(n: number | bigint): Uint8Array {
  if (typeof n === "bigint") {
    if (n < 0n || n > MAX_PACKED_INT) throw new RangeError(`not an 8-byte unsigned integer: ${n}`);
    if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return intToBytes(Number(n));
    const hex = n.toString(16).padStart(16, "0");
    const out = new Uint8Array(8);
    for (let i = 0; i < 8; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return out;
  }
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  let length = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) length++;
  const out = new Uint8Array(length);
  for (let i = length - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 256)) {
    out[i] = rest % 256;
  }
  return out;
}

/**
 * itsdangerous `bytes_to_int`: big-endian unsigned; null for more than 8 bytes ("Malformed
 * timestamp"). Exact: a value past 2^53 comes back as a bigint.
 */
export function bytesToInt(b: Uint8Array): number | bigint | null {
  if (b.length > 8) return null;
  let n = 0;
  for (let i = 0; i < b.length; i++) n = n * 256 + b[i]!;
  if (Number.isSafeInteger(n)) return n;
  let exact = 0n;
  for (let i = 0; i < b.length; i++) exact = (exact << 8n) | BigInt(b[i]!);
  return exact;
}
