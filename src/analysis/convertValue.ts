/**
 * A session value as another format can hold it ("convert this Flask session to Starlette"):
 * each value whose type the target's JSON cannot say (the format table's `valueTypes`) becomes
 * what that framework would read back, with one warning naming its path. Shared by the panel's
 * sign-for and `sessionlens convert`, so both warn with the same words.
 */
import { FORMAT_INFO, type ValueType } from "../codec/formats/info";
import { uuidDashed } from "../codec/json/bytesText";
import { pyFloatRepr } from "../codec/json/floatRepr";
import { isoDate } from "../codec/json/isoDate";
import type { FormatId } from "../codec/types";
import { isDict, type Value } from "../codec/value";

export interface ConvertWarning {
  /** `roles`, `cart.items[0]`; `(session)` for the value itself. */
  path: string;
  message: string;
}

export interface Converted {
  value: Value;
  warnings: ConvertWarning[];
}

/**
 * The value types a side's JSON keeps. Flask without tags (starlette-flask, `untagged`) writes
 * the plain itsdangerous JSON, so it keeps only what that keeps.
 */
export function representable(format: FormatId, untagged = false): ReadonlySet<ValueType> {
  const info = untagged && format === "flask" ? FORMAT_INFO.itsdangerous : FORMAT_INFO[format];
  return new Set(info.valueTypes);
}

const childPath = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function convertValue(value: Value, keeps: ReadonlySet<ValueType>): Converted {
  const warnings: ConvertWarning[] = [];
  const warn = (path: string, message: string) =>
    warnings.push({ path: path === "" ? "(session)" : path, message });

  const walk = (v: Value, path: string): Value => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (isDict(v)) return new Map([...v].map(([k, item]) => [k, walk(item, childPath(path, k))]));
    switch (v.kind) {
      case "tuple": {
        if (!keeps.has("tuple")) warn(path, "tuple written as a list");
        const items = v.items.map((item, i) => walk(item, `${path}[${i}]`));
        return keeps.has("tuple") ? { kind: "tuple", items } : items;
      }
      case "bytes": {
        if (keeps.has("bytes")) return v;
        const text = utf8OrNull(v.bytes);
        if (text !== null) {
          warn(path, "bytes written as text");
          return text;
        }
        warn(path, "bytes written as base64 text");
        return base64(v.bytes);
      }
      case "datetime":
        if (keeps.has("datetime")) return v;
        warn(path, "datetime written as ISO 8601 text");
        return isoDate(v);
      case "uuid":
        if (keeps.has("uuid")) return v;
        warn(path, "UUID written as text");
        return uuidDashed(v.hex);
      case "markup":
        if (keeps.has("markup")) return v;
        warn(path, "Markup written as a plain string");
        return v.value;
      case "float":
        if (keeps.has("float-text")) return v;
        return jsFloat(v.value, path, warn);
      case "bigint": {
        if (keeps.has("bigint")) return v;
        const rounded = Number(v.value);
        warn(path, `integer ${v.value} written as ${rounded} (JavaScript numbers stop at 2^53)`);
        return rounded;
      }
    }
  };
  return { value: walk(value, ""), warnings };
}

/**
 * A Python float as JavaScript's JSON writes it: 1.0 as 1, -0.0 as 0, NaN and the infinities as
 * null. A warning when the text changes in a way a reader sees (an integer, or null); 1e+308 and
 * 1.5 read back the same.
 */
function jsFloat(n: number, path: string, warn: (path: string, message: string) => void): Value {
  const written = Number.isFinite(n) ? n + 0 : null; // n + 0 turns -0 into 0
  const text = written === null ? "null" : JSON.stringify(written);
  const repr = pyFloatRepr(n);
  if (text !== repr && (written === null || Number.isInteger(written))) {
    warn(path, `float ${repr} written as ${text}`);
  }
  return written;
}
