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

/** Decoding happens here, then one exact-size copy: each typed-array allocation costs ~0.2 µs. */
let scratch = new Uint8Array(512);

type Dialect = "python" | "itsdangerous" | "node";

/**
 * The three lenient decoders in one loop. Characters outside `table` are skipped (Python also
 * skips chars above 0x7f here; callers that must fail on them check first, as Python does).
 *  - python: CPython's non-strict `binascii.a2b_base64`. Decoding stops at the "=" that
 *    completes a quad; a final partial quad of 1 character, or of 2–3 without enough "=", is
 *    an error (null), exactly where Python raises binascii.Error.
 *  - itsdangerous: the same after appending "=" * (-len(ascii chars) % 4).
 *  - node: each UTF-16 unit is read as its low byte, the first "=" ends decoding, and a
 *    partial quad keeps the bytes it completed.
 * Groups of four valid ASCII characters take a fast path; the state machine handles the rest.
 */
function decode(s: string, table: Int8Array, dialect: Dialect): Uint8Array | null {
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
      if (quadPos >= 2 && quadPos + ++pads >= 4) return out.slice(0, n);
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
  return quadPos === 0 || node ? out.slice(0, n) : null;
}

/**
 * itsdangerous `base64_decode`: drop non-ASCII characters, pad with "=" to a multiple of 4,
 * then `urlsafe_b64decode` (lenient). Null where itsdangerous raises BadData.
 */
export function b64urlDecodePy(s: string): Uint8Array | null {
  return decode(s, PY_URLSAFE_TABLE, "itsdangerous");
}

/**
 * Python `base64.b64decode(s)` for a str `s` (validate=False): null if `s` holds a non-ASCII
 * character (Python raises ValueError) or where binascii raises. "-" and "_" are skipped.
 */
export function b64DecodePy(s: string): Uint8Array | null {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return null;
  return decode(s, PY_STD_TABLE, "python");
}

/**
 * Node `Buffer.from(s, "base64")`: both alphabets, invalid characters skipped, decoding stops at
 * the first "=", a trailing single character is dropped, never fails. Node reads each UTF-16
 * unit as its low byte (so "Ł", U+0141, decodes as "A"); that quirk is kept.
 */
export function b64DecodeNode(s: string): Uint8Array {
  return decode(s, NODE_TABLE, "node") ?? new Uint8Array(0); // "node" never returns null
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
