/**
 * Faithful value → plain JavaScript (the table in docs/value-mapping.md). The result shares
 * nothing with the input — every container, Date and Uint8Array is new — so the JS code can
 * change it freely and the original stays what was read (the Node library compares the two to
 * know whether the session was modified).
 */
import { uuidDashed } from "../json/bytesText";
import { isDict, type Value } from "../value";
import { remember } from "./memory";

/** What the JS side holds. `PlainObject` keys are strings; arrays stand for lists and tuples. */
export type Plain =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date
  | Uint8Array
  | Plain[]
  | PlainObject;
export interface PlainObject {
  [key: string]: Plain;
}

export function toPlain(v: Value): Plain {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return plainArray("list", v);
  if (isDict(v)) return plainObject(v);
  switch (v.kind) {
    case "float":
      return v.value;
    case "bigint":
      return v.value;
    case "tuple":
      return plainArray("tuple", v.items);
    case "bytes":
      return v.bytes.slice();
    case "uuid":
      return uuidDashed(v.hex);
    case "markup":
      return v.value;
    case "datetime": {
      const date = new Date(v.epochSeconds * 1000);
      remember(date, { kind: "datetime", time: date.getTime(), value: v });
      return date;
    }
  }
}

function plainArray(kind: "list" | "tuple", items: Value[]): Plain[] {
  const out = items.map(toPlain);
  remember(out, { kind, items, plains: out.slice() });
  return out;
}

function plainObject(dict: Map<string, Value>): PlainObject {
  const out: PlainObject = {};
  const plains = new Map<string, unknown>();
  for (const [key, value] of dict) {
    const plain = toPlain(value);
    plains.set(key, plain);
    setOwn(out, key, plain);
  }
  remember(out, { kind: "dict", dict, plains });
  return out;
}

/** `obj[key] = value`, except that `__proto__` becomes an own key instead of a prototype. */
export function setOwn(obj: PlainObject, key: string, value: Plain): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}
