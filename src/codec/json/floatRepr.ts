/**
 * Python's `float.__repr__` as `json.dumps` writes it. JS `Number#toString` already yields
 * the shortest round-trip digits (the same digits CPython picks), so only the layout differs:
 * Python uses fixed notation for decimal exponents in [-4, 16) (always with a fraction),
 * scientific `d[.ddd]e±XX` otherwise, and `NaN` / `Infinity` for the non-finite values.
 */

/** Shortest round-trip digits (no leading/trailing zeros) and the decimal exponent of the first. */
function shortestDigits(positive: number): { digits: string; exponent: number } {
  const text = String(positive);
  const e = text.indexOf("e");
  if (e >= 0) {
    return { digits: text.slice(0, e).replace(".", ""), exponent: Number(text.slice(e + 1)) };
  }
  const dot = text.indexOf(".");
  if (dot < 0) {
    return { digits: text.replace(/0+$/, ""), exponent: text.length - 1 };
  }
  const whole = text.slice(0, dot);
  const fraction = text.slice(dot + 1);
  if (whole !== "0") return { digits: whole + fraction, exponent: whole.length - 1 };
  let zeros = 0;
  while (fraction.charCodeAt(zeros) === 48) zeros++;
  return { digits: fraction.slice(zeros), exponent: -(zeros + 1) };
}

export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Number.POSITIVE_INFINITY) return "Infinity";
  if (n === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const sign = n < 0 ? "-" : "";
  const { digits, exponent } = shortestDigits(Math.abs(n));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? "-" : "+";
    return `${sign}${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits.padEnd(exponent + 1, "0")}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
