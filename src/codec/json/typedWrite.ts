/**
 * Value → typed JSON (docs/cli.md §7, the golden vectors' `expected_decoded`): plain JSON
 * where JSON can say it, `{"$type": …}` objects where it cannot. The text form keeps key order
 * exactly and escapes U+2028, U+2029 and U+0085 so any line splitter sees one object per line
 * (lone surrogates are escaped too, as JSON.stringify does, so the text is valid UTF-8).
 */

import { b64EncodeStd } from "../base64/base64";
import { bytesToHex } from "../bytes";
import { LIMITS } from "../types";
import { isDict, type TaggedValue, type Value } from "../value";
import { uuidDashed } from "./bytesText";
import { JsonError } from "./errors";
import { pyFloatRepr } from "./floatRepr";
import { httpDate } from "./httpDate";
import { isoDate } from "./isoDate";

const HAS_LINE_BREAK = /[\u2028\u2029\u0085]/;
const LINE_BREAKS = /[\u2028\u2029\u0085]/g;
const LINE_BREAK_ESCAPES: Record<string, string> = {
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
  "\u0085": "\\u0085",
};

function quote(s: string): string {
  const json = JSON.stringify(s);
  return HAS_LINE_BREAK.test(json)
    ? json.replace(LINE_BREAKS, (c) => LINE_BREAK_ESCAPES[c] as string)
    : json;
}

/** The typed form of one Python-only value, as ordered [field, value] pairs. */
function taggedFields(v: TaggedValue): [string, Value][] {
  switch (v.kind) {
    case "float": {
      const repr = pyFloatRepr(v.value);
      return [
        ["repr", repr],
        ["value", Number.isFinite(v.value) ? v.value : null],
      ];
    }
    case "bigint":
      return [["value", v.value.toString()]];
    case "tuple":
      return [["items", v.items]];
    case "bytes":
      return [
        ["base64", b64EncodeStd(v.bytes)],
        ["hex", bytesToHex(v.bytes)],
      ];
    case "uuid":
      return [
        ["value", uuidDashed(v.hex)],
        ["hex", v.hex],
      ];
    case "datetime":
      return [
        ["iso", isoDate(v)],
        ["http_date", httpDate(v.epochSeconds)],
      ];
    case "markup":
      return [["value", v.value]];
  }
}

function checkDepth(depth: number): void {
  if (depth > LIMITS.maxDepth) {
    throw new JsonError(`the value is nested deeper than ${LIMITS.maxDepth} levels`);
  }
}

/** Typed JSON text: compact, key order kept, Python floats with their repr. */
export function toTypedJson(v: Value): string {
  const write = (value: Value, depth: number): string => {
    if (value === null) return "null";
    switch (typeof value) {
      case "string":
        return quote(value);
      case "boolean":
        return value ? "true" : "false";
      case "number":
        if (Number.isFinite(value)) return String(value);
        return write({ kind: "float", value }, depth);
    }
    checkDepth(depth);
    if (Array.isArray(value)) return `[${value.map((item) => write(item, depth + 1)).join(",")}]`;
    if (isDict(value)) {
      if (value.has("$type")) {
        const items = [...value].map(([k, item]) => `[${quote(k)},${write(item, depth + 1)}]`);
        return `{"$type":"dict","items":[${items.join(",")}]}`;
      }
      const parts = [...value].map(([k, item]) => `${quote(k)}:${write(item, depth + 1)}`);
      return `{${parts.join(",")}}`;
    }
    const fields = taggedFields(value).map(([field, item]) => {
      // A float's value is a plain JSON number as JavaScript writes it (docs/cli.md §7:
      // `"value":1`), sign of zero kept; the exact Python text (`1.0`, `-0.0`) is in `repr`.
      const text =
        value.kind === "float" && typeof item === "number"
          ? Object.is(item, -0)
            ? "-0.0" // JSON.stringify(-0) is "0": keep the sign
            : JSON.stringify(item)
          : write(item, depth + 1);
      return `${quote(field)}:${text}`;
    });
    return `{"$type":"${value.kind}",${fields.join(",")}}`;
  };
  return write(v, 0);
}

function plainObject(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    // defineProperty so a "__proto__" key stays an ordinary own property.
    Object.defineProperty(out, key, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * The typed form as a JS structure, for display. Equal to `JSON.parse(toTypedJson(v))`,
 * so, like any JS object, it lists integer-like keys first: use `toTypedJson` where key order
 * matters.
 */
export function toTypedPlain(v: Value): unknown {
  const convert = (value: Value, depth: number): unknown => {
    if (value === null || typeof value !== "object") {
      if (typeof value === "number" && !Number.isFinite(value)) {
        return convert({ kind: "float", value }, depth);
      }
      return typeof value === "number" && Object.is(value, -0) ? 0 : value;
    }
    checkDepth(depth);
    if (Array.isArray(value)) return value.map((item) => convert(item, depth + 1));
    if (isDict(value)) {
      if (value.has("$type")) {
        const items = [...value].map(([k, item]) => [k, convert(item, depth + 1)]);
        return { $type: "dict", items };
      }
      return plainObject([...value].map(([k, item]) => [k, convert(item, depth + 1)]));
    }
    const fields = taggedFields(value).map(([field, item]): [string, unknown] => [
      field,
      value.kind === "float" ? item : convert(item, depth + 1),
    ]);
    return plainObject([["$type", value.kind], ...fields]);
  };
  return convert(v, 0);
}
