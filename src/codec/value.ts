/**
 * The session value model: what a decoded cookie holds, faithful enough to re-encode
 * byte-for-byte. Plain JS objects cannot keep integer-like key order and JSON.parse
 * loses `1.0` vs `1`, so dicts are Maps and Python-only types are tagged objects.
 *
 * Number conventions:
 *  - a plain `number` is an integer in Python dialects (json text `-?\d+`), or any JS
 *    number in the cookie-session dialect (written as JSON.stringify writes it);
 *    a non-integral plain number given by a user is treated as a Python float;
 *  - `PyFloat` is a Python float (its repr is derived from `value`: `1.0`, `1e-07`, `-0.0`, `NaN`);
 *  - `PyBigInt` is an integer beyond ±(2^53−1).
 */
export type Value =
  | null
  | boolean
  | number
  | string
  | Value[]
  | Dict
  | PyFloat
  | PyBigInt
  | PyTuple
  | PyBytes
  | PyUuid
  | PyDateTime
  | PyMarkup;

/** Insertion-ordered dict. A Map keeps every key (integer-like ones too) in order. */
export type Dict = Map<string, Value>;

export interface PyFloat {
  readonly kind: "float";
  readonly value: number;
}
export interface PyBigInt {
  readonly kind: "bigint";
  readonly value: bigint;
}
/** Flask `" t"` tag. */
export interface PyTuple {
  readonly kind: "tuple";
  readonly items: Value[];
}
/** Flask `" b"` tag. */
export interface PyBytes {
  readonly kind: "bytes";
  readonly bytes: Uint8Array;
}
/** Flask `" u"` tag; `hex` is 32 lowercase hex digits. */
export interface PyUuid {
  readonly kind: "uuid";
  readonly hex: string;
}
/**
 * Flask `" d"` tag. `epochSeconds` is the instant (whole seconds, Flask drops microseconds);
 * `offsetMinutes` is the UTC offset werkzeug's parse_date kept (0 for GMT).
 */
export interface PyDateTime {
  readonly kind: "datetime";
  readonly epochSeconds: number;
  readonly offsetMinutes: number;
}
/** Flask `" m"` tag (markupsafe.Markup). */
export interface PyMarkup {
  readonly kind: "markup";
  readonly value: string;
}

export type TaggedValue = PyFloat | PyBigInt | PyTuple | PyBytes | PyUuid | PyDateTime | PyMarkup;

export const pyFloat = (value: number): PyFloat => ({ kind: "float", value });
export const pyBigInt = (value: bigint): PyBigInt => ({ kind: "bigint", value });
export const pyTuple = (items: Value[]): PyTuple => ({ kind: "tuple", items });
export const pyBytes = (bytes: Uint8Array): PyBytes => ({ kind: "bytes", bytes });
export const pyUuid = (hex: string): PyUuid => ({ kind: "uuid", hex: hex.toLowerCase() });
export const pyDateTime = (epochSeconds: number, offsetMinutes = 0): PyDateTime => ({
  kind: "datetime",
  epochSeconds,
  offsetMinutes,
});
export const pyMarkup = (value: string): PyMarkup => ({ kind: "markup", value });

export function isDict(v: Value): v is Dict {
  return v instanceof Map;
}

export function isTagged(v: Value): v is TaggedValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map);
}

/** Build a Dict from entries; a convenience for tests and callers. */
export function dict(entries: Iterable<readonly [string, Value]>): Dict {
  return new Map(entries);
}
