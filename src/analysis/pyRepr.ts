/**
 * Text of a session value as its own language prints it: Python's `repr` for the Python
 * frameworks (tuples `(1, 2)`, `b'…'`, `datetime(…)`, `UUID('…')`, floats `1.0`), JSON-like
 * literals for the Node ones. The panel shows values this way because that is how a Flask
 * developer recognises them; typed JSON stays the copy/export format.
 */
import type { PyDateTime, Value } from "../codec/value";
import { isDict } from "../codec/value";

export type Dialect = "python" | "js";

/** Python `float.__repr__`: shortest round-trip digits, fixed notation for exponents in [-4, 16). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "", exponentText = "0"] = x.toExponential().split("e");
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    return `${sign}${whole}.${digits.slice(exponent + 1) || "0"}`;
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? "-" : "+";
  return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

const NOT_PRINTABLE = /[\p{C}\p{Zl}\p{Zp}\p{Zs}]/u;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

function pickQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

/** Python `str.__repr__`. */
export function pyStrRepr(s: string): string {
  const quote = pickQuote(s.includes("'"), s.includes('"'));
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f || ch === " " || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

/** Python `bytes.__repr__`. */
export function pyBytesRepr(bytes: Uint8Array): string {
  const quote = pickQuote(bytes.includes(0x27), bytes.includes(0x22));
  let out = `b${quote}`;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (b < 0x20 || b >= 0x7f) out += `\\x${hex(b, 2)}`;
    else out += ch;
  }
  return out + quote;
}

function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The wall-clock fields of an aware datetime, in its own offset. */
function wallClock(d: PyDateTime): Date {
  return new Date((d.epochSeconds + d.offsetMinutes * 60) * 1000);
}

/** ISO 8601 with `Z` for UTC, the offset otherwise (as typed JSON writes it). */
export function pyDateTimeIso(d: PyDateTime): string {
  const iso = wallClock(d)
    .toISOString()
    .replace(/\.\d{3}Z$/, "");
  return iso + (d.offsetMinutes === 0 ? "Z" : offsetText(d.offsetMinutes));
}

/** `datetime(2024, 2, 29, 12, 34, 56, tzinfo=UTC)`; Python leaves out a zero second. */
export function pyDateTimeRepr(d: PyDateTime): string {
  const w = wallClock(d);
  const fields = [
    w.getUTCFullYear(),
    w.getUTCMonth() + 1,
    w.getUTCDate(),
    w.getUTCHours(),
    w.getUTCMinutes(),
  ];
  if (w.getUTCSeconds() !== 0) fields.push(w.getUTCSeconds());
  const zone = d.offsetMinutes === 0 ? "UTC" : `UTC${offsetText(d.offsetMinutes)}`;
  return `datetime(${fields.join(", ")}, tzinfo=${zone})`;
}

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` from 32 hex digits. */
export function uuidText(hex32: string): string {
  const h = hex32.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Text of a number that is not a tagged float: an int, or a float if it has a fraction. */
function plainNumber(n: number, dialect: Dialect): string {
  if (dialect === "js") return JSON.stringify(n) ?? String(n);
  return Number.isInteger(n) ? String(n === 0 ? 0 : n) : pyFloatRepr(n);
}

/** One value (and everything inside it) as one line of text. */
export function reprValue(v: Value, dialect: Dialect = "python"): string {
  const inner = (x: Value) => reprValue(x, dialect);
  if (v === null) return dialect === "js" ? "null" : "None";
  if (typeof v === "boolean") return dialect === "js" ? String(v) : v ? "True" : "False";
  if (typeof v === "number") return plainNumber(v, dialect);
  if (typeof v === "string") return dialect === "js" ? JSON.stringify(v) : pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(inner).join(", ")}]`;
  if (isDict(v)) {
    const keyText = (k: string) => (dialect === "js" ? JSON.stringify(k) : pyStrRepr(k));
    return `{${[...v].map(([k, x]) => `${keyText(k)}: ${inner(x)}`).join(", ")}}`;
  }
  switch (v.kind) {
    case "float":
      return pyFloatRepr(v.value);
    case "bigint":
      return v.value.toString();
    case "tuple":
      return v.items.length === 1
        ? `(${inner(v.items[0] ?? null)},)`
        : `(${v.items.map(inner).join(", ")})`;
    case "bytes":
      return pyBytesRepr(v.bytes);
    case "uuid":
      return `UUID('${uuidText(v.hex)}')`;
    case "datetime":
      return pyDateTimeRepr(v);
    case "markup":
      return `Markup(${pyStrRepr(v.value)})`;
  }
}
