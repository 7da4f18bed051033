/**
 * Value → JSON text exactly as Python's `json.dumps(..., allow_nan=True)` writes it, for the
 * dialects the Python frameworks use (spec §3.4, §4.1, §10). One byte off changes the
 * signature, so every rule (code-point key order, lowercase `\uXXXX`, float repr, exact big
 * integers) is reproduced rather than approximated with `JSON.stringify`.
 */
import { LIMITS } from "../types";
import { isDict, type Value } from "../value";
import { JsonError } from "./errors";
import { pyFloatRepr } from "./floatRepr";
import { compareCodePoints, pyQuote } from "./pyStrings";

export interface PyJsonDialect {
  sortKeys: boolean;
  ensureAscii: boolean;
  /** [item separator, key separator], e.g. [",", ":"] or [", ", ": "]. */
  separators: readonly [string, string];
}

/** Flask's `DefaultJSONProvider` inside a request, with the session's compact separators. */
export const FLASK_DIALECT: PyJsonDialect = {
  sortKeys: true,
  ensureAscii: true,
  separators: [",", ":"],
};
/** Starlette `SessionMiddleware`: plain `json.dumps(session)`. */
export const STARLETTE_DIALECT: PyJsonDialect = {
  sortKeys: false,
  ensureAscii: true,
  separators: [", ", ": "],
};
/** itsdangerous `_CompactJSON` (also starlette-flask): raw UTF-8, insertion order. */
export const COMPACT_DIALECT: PyJsonDialect = {
  sortKeys: false,
  ensureAscii: false,
  separators: [",", ":"],
};
/** Django `JSONSerializer`: `json.dumps(obj, separators=(",", ":"))`. */
export const DJANGO_DIALECT: PyJsonDialect = {
  sortKeys: false,
  ensureAscii: true,
  separators: [",", ":"],
};

const PYTHON_TYPE_NAMES = {
  bytes: "bytes",
  uuid: "UUID",
  datetime: "datetime",
  markup: "Markup",
} as const;

function pyNumber(n: number): string {
  if (!Number.isInteger(n)) return pyFloatRepr(n);
  // A plain number is a Python int; -0 is 0, and integral doubles past 2^53 are written in full.
  return Number.isSafeInteger(n) ? String(n === 0 ? 0 : n) : BigInt(n).toString();
}

/** Python's `json.dumps(v, sort_keys=…, ensure_ascii=…, separators=…, allow_nan=True)`. */
export function pyDumps(v: Value, d: PyJsonDialect): string {
  const [itemSeparator, keySeparator] = d.separators;
  const write = (value: Value, depth: number): string => {
    if (value === null) return "null";
    switch (typeof value) {
      case "string":
        return pyQuote(value, d.ensureAscii);
      case "number":
        return pyNumber(value);
      case "boolean":
        return value ? "true" : "false";
    }
    if (depth >= LIMITS.maxDepth && (Array.isArray(value) || isDict(value))) {
      throw new JsonError(`the value is nested deeper than ${LIMITS.maxDepth} levels`);
    }
    if (Array.isArray(value)) {
      return `[${value.map((item) => write(item, depth + 1)).join(itemSeparator)}]`;
    }
    if (isDict(value)) {
      const entries = [...value];
      if (d.sortKeys) entries.sort((a, b) => compareCodePoints(a[0], b[0]));
      const parts = entries.map(
        ([key, item]) => pyQuote(key, d.ensureAscii) + keySeparator + write(item, depth + 1),
      );
      return `{${parts.join(itemSeparator)}}`;
    }
    switch (value.kind) {
      case "float":
        return pyFloatRepr(value.value);
      case "bigint":
        return value.value.toString();
      case "tuple":
        return write(value.items, depth);
      default: {
        const name = PYTHON_TYPE_NAMES[value.kind];
        throw new JsonError(
          `${name} values cannot be written as plain JSON (Python's json.dumps raises TypeError)`,
        );
      }
    }
  };
  return write(v, 0);
}
