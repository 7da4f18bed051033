/**
 * Character-level pieces of the JSON scanner in parse.ts: escapes, digit tests, how an integer
 * lexeme becomes a value in each dialect, and how a position is described in an error message.
 */
import { pyBigInt, type Value } from "../value";
import { JsonError } from "./errors";

/** CPython's default `sys.get_int_max_str_digits()`. */
/** CPython's int→str limit (sys.get_int_max_str_digits()): json raises ValueError past it. */
export const PY_INT_MAX_DIGITS = 4300;
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
/** `\x` → decoded text, for the one-character escapes, indexed by the char code of x. */
export const SIMPLE_ESCAPES: (string | undefined)[] = [];
for (const [x, decoded] of Object.entries({
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
})) {
  SIMPLE_ESCAPES[x.charCodeAt(0)] = decoded;
}

/**
 * The escape at the backslash `text[pos]`: its text and the position after it, or the error
 * message (parse.ts reports it at `pos`).
 */
export function readEscape(text: string, pos: number): { decoded: string; end: number } | string {
  const c = text.charCodeAt(pos + 1);
  const simple = c < 128 ? SIMPLE_ESCAPES[c] : undefined;
  if (simple !== undefined) return { decoded: simple, end: pos + 2 };
  if (c === 117) {
    let unit = 0;
    for (let i = pos + 2; i < pos + 6; i++) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) return "a \\u escape needs exactly 4 hex digits";
      unit = unit * 16 + h;
    }
    // Lone surrogates are kept: a JS string holds them as Python's str does.
    return { decoded: String.fromCharCode(unit), end: pos + 6 };
  }
  if (pos + 1 >= text.length) return "unterminated string";
  return `invalid escape in a string: a backslash followed by ${describe(text, pos + 1)}`;
}

/** A position for an error message: the character there, or the end of the text. */
export function describe(text: string, pos: number): string {
  if (pos >= text.length) return "the end of the text";
  const c = text.charCodeAt(pos);
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).padStart(4, "0")}`;
  return `'${String.fromCodePoint(text.codePointAt(pos) ?? c)}'`;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * The value of the integer lexeme `text[start, end)`: Python int semantics (no -0, exact past
 * 2^53 as PyBigInt, at most 4300 digits) or JSON.parse semantics (a double).
 */
export function integerValue(text: string, start: number, end: number, python: boolean): Value {
  const negative = text.charCodeAt(start) === 45;
  const digitsStart = negative ? start + 1 : start;
  if (end - digitsStart <= 15) {
    let n = 0;
    for (let i = digitsStart; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
    // Python has no -0 integer; JSON.parse("-0") is -0.
    if (!negative) return n;
    return python ? 0 - n : -n;
  }
  if (!python) return Number(text.slice(start, end));
  if (end - digitsStart > PY_INT_MAX_DIGITS) {
    throw new JsonError(
      `invalid JSON at character ${start}: an integer of ${end - digitsStart} digits exceeds Python's limit of ${PY_INT_MAX_DIGITS}`,
    );
  }
  const big = BigInt(text.slice(start, end));
  if (big <= MAX_SAFE_BIG && big >= -MAX_SAFE_BIG) return Number(big);
  return pyBigInt(big);
}
