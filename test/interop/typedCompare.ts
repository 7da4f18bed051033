/**
 * Typed JSON for the wire to pyhelper.py, and a comparison form, written independently of the
 * codec's own typed-JSON code so that a bug there cannot hide itself.
 *
 * Every dict travels in the ordered `{"$type":"dict","items":[[k,v],…]}` form (docs/cli.md §7):
 * JSON.parse and JS objects move integer-like keys first; `canonical` turns either typed form
 * into plain arrays that `toEqual` compares in order (or sorted, for frameworks that sort keys).
 */
import type { Value } from "../../src/codec";

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Python's `repr(float)`: shortest round-trip digits, fixed for exponents in [-4, 16). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (Object.is(x, -0)) return "-0.0";
  const [mantissa = "", expText = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  const sign = x < 0 ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    return `${sign}${whole}.${digits.slice(exp + 1) || "0"}`;
  }
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
  const expSign = exp < 0 ? "-" : "+";
  return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const isoSeconds = (epochSeconds: number) =>
  new Date(epochSeconds * 1000).toISOString().replace(".000Z", "Z");

/** Value → typed JSON with every dict in ordered pairs form. `jsNumbers`: cookie-session dialect. */
export function toWireTyped(v: Value, jsNumbers = false): Plain {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") {
    if (jsNumbers || Number.isInteger(v)) return v;
    return { $type: "float", repr: pyFloatRepr(v) };
  }
  if (Array.isArray(v)) return v.map((x) => toWireTyped(x, jsNumbers));
  if (v instanceof Map) {
    const items = [...v].map(([k, x]): Plain => [k, toWireTyped(x, jsNumbers)]);
    return { $type: "dict", items };
  }
  switch (v.kind) {
    case "float":
      return { $type: "float", repr: pyFloatRepr(v.value) };
    case "bigint":
      return { $type: "bigint", value: v.value.toString() };
    case "tuple":
      return { $type: "tuple", items: v.items.map((x) => toWireTyped(x)) };
    case "bytes":
      return { $type: "bytes", hex: hex(v.bytes) };
    case "uuid":
      return { $type: "uuid", hex: v.hex };
    case "datetime":
      return { $type: "datetime", iso: isoSeconds(v.epochSeconds) };
    case "markup":
      return { $type: "markup", value: v.value };
  }
}

function offsetMinutes(iso: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Typed JSON (plain or pairs dict form) → a comparison form: dicts become `["dict", pairs]`,
 * tagged values `[kind, identity]`. With `sorted`, dict pairs are sorted by key (code points).
 */
export function canonical(t: unknown, sorted = false): unknown {
  if (t === null || typeof t !== "object") return t;
  if (Array.isArray(t)) return t.map((x) => canonical(x, sorted));
  const o = t as Record<string, unknown>;
  const pairs = (entries: [string, unknown][]) => {
    const list = entries.map(([k, x]) => [k, canonical(x, sorted)] as const);
    if (sorted) list.sort(([a], [b]) => compareCodePoints(a, b));
    return ["dict", list];
  };
  switch (o.$type) {
    case undefined:
      return pairs(Object.entries(o));
    case "dict":
      return pairs(o.items as [string, unknown][]);
    case "float":
      return ["float", typeof o.repr === "string" ? o.repr : pyFloatRepr(o.value as number)];
    case "bigint":
      return ["bigint", String(o.value)];
    case "tuple":
      return ["tuple", (o.items as unknown[]).map((x) => canonical(x, sorted))];
    case "bytes":
      return [
        "bytes",
        typeof o.hex === "string" ? o.hex : hex(Buffer.from(String(o.base64), "base64")),
      ];
    case "uuid":
      return ["uuid", String(o.hex ?? "").toLowerCase() || String(o.value).replaceAll("-", "")];
    case "datetime": {
      const iso = String(o.iso);
      return ["datetime", Date.parse(iso) / 1000, offsetMinutes(iso)];
    }
    case "markup":
      return ["markup", o.value];
    default:
      return ["unknown", o];
  }
}

/** Python `str` ordering: by code point (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

/** Value → comparison form (via the wire typed JSON). */
export const canonicalValue = (v: Value, sorted = false, jsNumbers = false) =>
  canonical(toWireTyped(v, jsNumbers), sorted);
