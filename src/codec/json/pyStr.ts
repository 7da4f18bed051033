/**
 * The few Python `str` behaviours that `email.utils._parsedate_tz` relies on: `split()` on
 * Unicode whitespace, `int()` (Unicode decimal digits, `_` separators, surrounding spaces) and
 * `isdigit()`. Reproduced so a date Flask reads as `None` is not shown as a date here.
 * Digit classes follow the JS engine's Unicode tables, which may be newer than the server's.
 */

const WHITESPACE_CLASS =
  "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_WHITESPACE = new RegExp(`${WHITESPACE_CLASS}+`);
const PY_EDGE_WHITESPACE = new RegExp(`^${WHITESPACE_CLASS}+|${WHITESPACE_CLASS}+$`, "g");
const DECIMAL = /^\p{Nd}$/u;
// Python `isdigit()` is also true for these (Numeric_Type=Digit): superscripts, circled digits…
const DIGIT_NOT_DECIMAL =
  /^[\xb2\xb3\xb9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]$/u;

/** Python `s.split()`: split on runs of whitespace, dropping empty pieces. */
export function pySplit(s: string): string[] {
  return s.split(PY_WHITESPACE).filter((piece) => piece !== "");
}

/** Python `s.strip()` (no arguments). */
export function pyStrip(s: string): string {
  return s.replace(PY_EDGE_WHITESPACE, "");
}

/** Python `ch.isdigit()` for one code point. */
export function pyIsDigit(ch: string): boolean {
  return DECIMAL.test(ch) || DIGIT_NOT_DECIMAL.test(ch);
}

/** Value of a Unicode decimal digit: decimal digits come in runs of ten starting at zero. */
function decimalValue(codePoint: number): number {
  let start = codePoint;
  while (DECIMAL.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/** Python `int(s)` in base 10, or null where Python raises ValueError. */
export function pyInt(s: string): number | null {
  const text = pyStrip(s);
  let i = 0;
  let negative = false;
  if (text[0] === "+" || text[0] === "-") {
    negative = text[0] === "-";
    i = 1;
  }
  let value = 0;
  let digits = 0;
  let afterUnderscore = false;
  for (const ch of text.slice(i)) {
    if (ch === "_") {
      if (digits === 0 || afterUnderscore) return null;
      afterUnderscore = true;
      continue;
    }
    if (!DECIMAL.test(ch)) return null;
    value = value * 10 + decimalValue(ch.codePointAt(0) as number);
    digits++;
    afterUnderscore = false;
  }
  if (digits === 0 || afterUnderscore) return null;
  return negative ? -value : value;
}
