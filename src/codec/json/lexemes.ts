/**
 * Character-level pieces of the JSON scanner in parse.ts: the one-character escapes, digit
 * tests, how an integer lexeme becomes a value in each dialect, and how a position is
 * described in an error message.
 */
import { pyBigInt, type Value } from "../value";
import { JsonError } from "./errors";

/** CPython's default `sys.get_int_max_str_digits()`. */
const PY_INT_MAX_DIGITS = 4300;
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
