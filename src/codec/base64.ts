/**
 * Base64 exactly as the frameworks read and write it, plus itsdangerous' integer packing.
 *
 * Each decoder reproduces one real implementation, leniency included, because a cookie is
 * valid or not according to what the server does, not according to RFC 4648:
 *  - b64urlDecodePy: itsdangerous `base64_decode` (Flask, Starlette and itsdangerous signatures
 *    and timestamps, Flask payloads);
 *  - b64DecodePy: Python `base64.b64decode` on a str (Starlette payload, Flask's " b" tag);
 *  - b64DecodeNode: Node `Buffer.from(s, "base64")` (cookie-session payload).
 * Pure and synchronous: no Buffer, no atob (atob is strict and Latin-1 based).
 */

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

function encodeWith(alphabet: string, b: Uint8Array, pad: boolean): string {
  let s = "";
  const whole = b.length - (b.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    s +=
      alphabet[v >> 18]! + alphabet[(v >> 12) & 63]! + alphabet[(v >> 6) & 63]! + alphabet[v & 63]!;
  }
  const rest = b.length - whole;
  if (rest === 1) {
    const v = b[whole]!;
    s += alphabet[v >> 2]! + alphabet[(v & 3) << 4]! + (pad ? "==" : "");
  } else if (rest === 2) {
    const v = (b[whole]! << 8) | b[whole + 1]!;
    s +=
      alphabet[v >> 10]! + alphabet[(v >> 4) & 63]! + alphabet[(v & 15) << 2]! + (pad ? "=" : "");
  }
  return s;
}

/** URL-safe alphabet, no padding: itsdangerous `base64_encode`. */
export function b64urlEncode(b: Uint8Array): string {
  return encodeWith(URL_ALPHABET, b, false);
}

/** Standard alphabet with "=" padding: Python `base64.b64encode`, Node `toString("base64")`. */
export function b64EncodeStd(b: Uint8Array): string {
  return encodeWith(STD_ALPHABET, b, true);
}

/**
 * CPython's non-strict `binascii.a2b_base64` over the characters of `s` (plus `extraPads` "="
 * appended). Characters outside the table are skipped, and so are chars above 0x7f (callers
 * that must fail on them check first, as Python does). Decoding stops at the "=" that
 * completes a quad; a final partial quad of 1 character or of 2–3 without padding is an error
 * (null), exactly where Python raises binascii.Error.
 */
function pyA2bBase64(s: string, table: Int8Array, extraPads: number): Uint8Array | null {
  const out = new Uint8Array(Math.ceil((s.length + extraPads) / 4) * 3);
  let n = 0;
  let quadPos = 0;
  let left = 0;
  let pads = 0;
  const total = s.length + extraPads;
  for (let i = 0; i < total; i++) {
    const c = i < s.length ? s.charCodeAt(i) : PAD;
    if (c === PAD) {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return out.slice(0, n);
      continue;
    }
    const v = c > 0x7f ? -1 : table[c]!;
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
  return quadPos === 0 ? out.slice(0, n) : null;
}

/**
 * itsdangerous `base64_decode`: drop non-ASCII characters, pad with "=" to a multiple of 4,
 * then `urlsafe_b64decode` (lenient). Null where itsdangerous raises BadData.
 */
export function b64urlDecodePy(s: string): Uint8Array | null {
  let asciiLength = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) <= 0x7f) asciiLength++;
  return pyA2bBase64(s, PY_URLSAFE_TABLE, (4 - (asciiLength % 4)) % 4);
}

/**
 * Python `base64.b64decode(s)` for a str `s` (validate=False): null if `s` holds a non-ASCII
 * character (Python raises ValueError) or where binascii raises. "-" and "_" are skipped.
 */
export function b64DecodePy(s: string): Uint8Array | null {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return null;
  return pyA2bBase64(s, PY_STD_TABLE, 0);
}

/**
 * Node `Buffer.from(s, "base64")`: both alphabets, invalid characters skipped, decoding stops at
 * the first "=", a trailing single character is dropped, never fails. Node reads each UTF-16
 * unit as its low byte (so "Ł", U+0141, decodes as "A"); that quirk is kept.
 */
export function b64DecodeNode(s: string): Uint8Array {
  const out = new Uint8Array(Math.ceil(s.length / 4) * 3);
  let n = 0;
  let quadPos = 0;
  let left = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff;
    const v = NODE_TABLE[c]!;
    if (v < 0) {
      if (c === PAD) break;
      continue;
    }
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
  return out.slice(0, n);
}

/**
 * itsdangerous `int_to_bytes`: big-endian, leading zero bytes stripped (0 → empty). Accepts
 * non-negative safe integers and throws RangeError otherwise (Python's struct.pack raises).
 */
export function intToBytes(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  const digits: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) digits.push(rest % 256);
  return Uint8Array.from(digits.reverse());
}

/**
 * itsdangerous `bytes_to_int`: big-endian unsigned; null for more than 8 bytes ("Malformed
 * timestamp"). Values past 2^53 come back rounded to the nearest double.
 */
export function bytesToInt(b: Uint8Array): number | null {
  if (b.length > 8) return null;
  let n = 0;
  for (let i = 0; i < b.length; i++) n = n * 256 + b[i]!;
  return n;
}
