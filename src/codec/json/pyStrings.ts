/**
 * How CPython's json encoder writes a `str`, and how Python orders `str` keys.
 * Python strings are sequences of code points while JS strings are UTF-16 units: escaping
 * unit by unit gives the same surrogate-pair escapes Python writes for astral characters,
 * but ordering must be by code point (an astral character sorts after U+FFFF, and a lone
 * surrogate, which is its own code point in Python, sorts before U+E000).
 */

const HEX = "0123456789abcdef";

function unicodeEscape(unit: number): string {
  return `\\u${HEX[unit >> 12]}${HEX[(unit >> 8) & 15]}${HEX[(unit >> 4) & 15]}${HEX[unit & 15]}`;
}

function shortEscape(unit: number): string | undefined {
  switch (unit) {
    case 34:
      return '\\"';
    case 92:
      return "\\\\";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    default:
      return undefined;
  }
}

/** Does `ensure_ascii=True` (only ' '..'~' left raw) or `False` (only controls, `"`, `\`) escape it? */
function needsEscape(unit: number, ensureAscii: boolean): boolean {
  return unit < 0x20 || unit === 34 || unit === 92 || (ensureAscii && unit > 0x7e);
}

/** A JSON string literal exactly as Python's `json.dumps` writes `s`. */
export function pyQuote(s: string, ensureAscii: boolean): string {
  const length = s.length;
  let i = 0;
  while (i < length && !needsEscape(s.charCodeAt(i), ensureAscii)) i++;
  if (i === length) return `"${s}"`;
  let out = `"${s.slice(0, i)}`;
  let chunk = i;
  for (; i < length; i++) {
    const unit = s.charCodeAt(i);
    if (!needsEscape(unit, ensureAscii)) continue;
    out += s.slice(chunk, i) + (shortEscape(unit) ?? unicodeEscape(unit));
    chunk = i + 1;
  }
  return `${out}${s.slice(chunk)}"`;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Compare by code point from `from` on, where both strings agree before `from`. */
function compareCodePointsFrom(a: string, b: string, from: number): number {
  let i = from > 0 && isHighSurrogate(a.charCodeAt(from - 1)) ? from - 1 : from;
  for (;;) {
    const ca = a.codePointAt(i);
    const cb = b.codePointAt(i);
    if (ca === undefined || cb === undefined)
      return (ca === undefined ? 0 : 1) - (cb === undefined ? 0 : 1);
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
}

/** Python `str` ordering (by code point) for `sort_keys=True`. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const ua = a.charCodeAt(i);
    const ub = b.charCodeAt(i);
    if (ua === ub) continue;
    if (ua < 0xd800 && ub < 0xd800) return ua - ub;
    return compareCodePointsFrom(a, b, i);
  }
  return a.length - b.length;
}
