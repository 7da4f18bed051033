/**
 * Value → JSON text exactly as cookie-session writes it: `JSON.stringify` of the equivalent JS
 * object. A Map keeps every key in insertion order, but a JS object does not: array-index keys
 * come first in ascending order, so that order is rebuilt here rather than by building an
 * object (which would also turn a `__proto__` key into a prototype change).
 */
import { LIMITS } from "../types";
import { type Dict, isDict, type Value } from "../value";
import { JsonError } from "./errors";

const MAX_ARRAY_INDEX = 4294967294; // 2^32 − 2: the largest array index

/** Is `key` a canonical array index ("0", "7", "42"; not "07", "-1" or "4294967295")? */
export function isArrayIndexKey(key: string): boolean {
  const length = key.length;
  if (length === 0 || length > 10) return false;
  const first = key.charCodeAt(0);
  if (first === 48) return length === 1;
  for (let i = 0; i < length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) <= MAX_ARRAY_INDEX;
}

/** The keys of `dict` in the order a JS object holding them would enumerate. */
export function jsKeyOrder(dict: Dict): string[] {
  const indexKeys: string[] = [];
  const otherKeys: string[] = [];
  for (const key of dict.keys()) (isArrayIndexKey(key) ? indexKeys : otherKeys).push(key);
  if (indexKeys.length === 0) return otherKeys;
  indexKeys.sort((a, b) => Number(a) - Number(b));
  return indexKeys.concat(otherKeys);
}

const PYTHON_ONLY = {
  bigint: "integers beyond ±(2^53−1)",
  bytes: "bytes values",
  uuid: "UUID values",
  datetime: "datetime values",
  markup: "Markup values",
} as const;

/** `JSON.stringify` of the JS value `v` stands for (non-finite numbers become `null`). */
export function jsDumps(v: Value): string {
  const write = (value: Value, depth: number): string => {
    if (value === null) return "null";
    switch (typeof value) {
      case "string":
        return JSON.stringify(value);
      case "number":
        return Number.isFinite(value) ? String(value) : "null";
      case "boolean":
        return value ? "true" : "false";
    }
    if (depth >= LIMITS.maxDepth && (Array.isArray(value) || isDict(value))) {
      throw new JsonError(`the value is nested deeper than ${LIMITS.maxDepth} levels`);
    }
    if (Array.isArray(value)) return `[${value.map((item) => write(item, depth + 1)).join(",")}]`;
    if (isDict(value)) {
      const parts = jsKeyOrder(value).map(
        (key) => `${JSON.stringify(key)}:${write(value.get(key) as Value, depth + 1)}`,
      );
      return `{${parts.join(",")}}`;
    }
    switch (value.kind) {
      case "float":
        return write(value.value, depth);
      case "tuple":
        return write(value.items, depth);
      default:
        throw new JsonError(
          `${PYTHON_ONLY[value.kind]} cannot be stored in a cookie-session session (JSON.stringify has no form for them)`,
        );
    }
  };
  return write(v, 0);
}
