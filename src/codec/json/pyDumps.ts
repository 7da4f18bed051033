/**
 * Value → JSON text exactly as Python's `json.dumps(..., allow_nan=True)` writes it, for the
 * dialects the Python frameworks use (docs/formats.md §7). One byte off changes the
 * signature, so every rule (code-point key order, lowercase `\uXXXX`, float repr, exact big
 * integers) is reproduced rather than approximated with `JSON.stringify`.
 */
import { LIMITS } from "../types";
import { type Dict, isDict, type TaggedValue, type Value } from "../value";
import { JsonError } from "./errors";
import { pyFloatRepr } from "./floatRepr";
import { PY_INT_MAX_DIGITS } from "./lexemes";
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

function byCodePoint(a: [string, Value], b: [string, Value]): number {
  return compareCodePoints(a[0], b[0]);
}

class PyJsonWriter {
  out = "";
  constructor(readonly d: PyJsonDialect) {}

  write(value: Value, depth: number): void {
    if (value === null) {
      this.out += "null";
      return;
    }
    switch (typeof value) {
      case "string":
        this.out += pyQuote(value, this.d.ensureAscii);
        return;
      case "number":
        this.out += pyNumber(value);
        return;
      case "boolean":
        this.out += value ? "true" : "false";
        return;
    }
    if (Array.isArray(value)) {
      this.list(value, depth);
    } else if (isDict(value)) {
      this.dict(value, depth);
    } else {
      this.tagged(value, depth);
    }
  }

  tagged(value: TaggedValue, depth: number): void {
    switch (value.kind) {
      case "float":
        this.out += pyFloatRepr(value.value);
        return;
      case "bigint": {
        const text = value.value.toString();
        const digits = text.length - (value.value < 0n ? 1 : 0);
        if (digits > PY_INT_MAX_DIGITS) {
          throw new JsonError(
            `an integer of ${digits} digits exceeds Python's limit of ${PY_INT_MAX_DIGITS} digits for writing an int (json.dumps raises ValueError)`,
          );
        }
        this.out += text;
        return;
      }
      case "tuple":
        this.list(value.items, depth);
        return;
      default:
        throw new JsonError(
          `${PYTHON_TYPE_NAMES[value.kind]} values cannot be written as plain JSON (Python's json.dumps raises TypeError)`,
        );
    }
  }

  checkDepth(depth: number): void {
    if (depth >= LIMITS.maxDepth) {
      throw new JsonError(`the value is nested deeper than ${LIMITS.maxDepth} levels`);
    }
  }

  list(items: readonly Value[], depth: number): void {
    this.checkDepth(depth);
    this.out += "[";
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.out += this.d.separators[0];
      this.write(items[i] as Value, depth + 1);
    }
    this.out += "]";
  }

  dict(dict: Dict, depth: number): void {
    this.checkDepth(depth);
    const [itemSeparator, keySeparator] = this.d.separators;
    const entries = this.d.sortKeys ? [...dict].sort(byCodePoint) : dict;
    this.out += "{";
    let first = true;
    for (const [key, item] of entries) {
      if (!first) this.out += itemSeparator;
      first = false;
      this.out += pyQuote(key, this.d.ensureAscii) + keySeparator;
      this.write(item, depth + 1);
    }
    this.out += "}";
  }
}

/** Python's `json.dumps(v, sort_keys=…, ensure_ascii=…, separators=…, allow_nan=True)`. */
export function pyDumps(v: Value, d: PyJsonDialect): string {
  const writer = new PyJsonWriter(d);
  writer.write(v, 0);
  return writer.out;
}
