/**
 * Support for the JSON scanner in parse.ts, which reads a typed array of UTF-16 code units
 * instead of calling `charCodeAt`: in V8 the array read costs about half as much, and the
 * scanner reads every character. Session JSON is nearly always ASCII, so the array is filled by
 * the native `encodeInto` plus a widening copy; other text takes a `charCodeAt` loop once.
 *
 * Object keys repeat (every item of a cart has the same three), so they are interned: the
 * scanner hashes a key while reading it and gets back the string it made last time, which
 * saves the slice and V8's hash computation when the key goes into a Map.
 */

const encoder = new TextEncoder();
/** Buffers up to this many code units are kept for the next parse. */
const KEEP_UNITS = 128 * 1024;
let bytes = new Uint8Array(4096);
let units = new Uint16Array(4096);

/**
 * The code units of `text`, followed by at least two 0 units: a 0 reads as a control character
 * (ends a string, is not whitespace, not a digit), so the scanner needs no bounds checks; it
 * tells the end of the text from a real U+0000 by position. Reused by the next call.
 */
export function codeUnits(text: string): Uint16Array {
  const n = text.length;
  const size = n + 2;
  let out = units;
  if (out.length < size) {
    out = new Uint16Array(Math.max(size, 2 * out.length));
    if (size <= KEEP_UNITS) units = out;
  }
  if (bytes.length < n && n <= KEEP_UNITS) bytes = new Uint8Array(Math.max(n, 2 * bytes.length));
  const r = bytes.length >= n ? encoder.encodeInto(text, bytes) : null;
  if (r !== null && r.read === n && r.written === n) {
    out.set(bytes.subarray(0, n)); // all ASCII: one byte per unit
  } else {
    for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  }
  out[n] = 0;
  out[n + 1] = 0;
  return out;
}

/**
 * Keys longer than this are sliced every time. V8 copies slices shorter than 13 characters and
 * makes longer ones views of the whole text, which the cache would then keep alive.
 */
export const INTERN_MAX_LENGTH = 12;
const SLOTS = 512;
const interned: string[] = new Array<string>(SLOTS).fill("");
/** The code units of each interned key, at `slot * INTERN_MAX_LENGTH`: compared without charCodeAt. */
const internedUnits = new Uint16Array(SLOTS * INTERN_MAX_LENGTH);

/**
 * `text.slice(start, end)` for a key without escapes, at most INTERN_MAX_LENGTH units long,
 * whose units hash (h = h * 31 + unit, int32) to `hash`: the string returned for the same key
 * before, when it is still cached.
 */
export function internKey(
  text: string,
  units: Uint16Array,
  start: number,
  end: number,
  hash: number,
): string {
  const length = end - start;
  const slot = (hash ^ (hash >>> 9) ^ length) & (SLOTS - 1);
  const cached = interned[slot]!;
  const base = slot * INTERN_MAX_LENGTH;
  if (cached.length === length) {
    let i = 0;
    while (i < length && internedUnits[base + i] === units[start + i]) i++;
    if (i === length) return cached;
  }
  const key = text.slice(start, end);
  interned[slot] = key;
  internedUnits.set(units.subarray(start, end), base);
  return key;
}
