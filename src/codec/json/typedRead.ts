/**
 * Typed JSON → Value: what a user pastes or edits before signing. Key order is kept (the text
 * is read with `parseJson`, not `JSON.parse`), fields that can be derived may be left out, and
 * every mistake names the place to fix (`$.user.created: datetime needs "iso" or "http_date"`).
 */

import { hexToBytes } from "../bytes";
import {
  type Dict,
  isDict,
  type PyDateTime,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../value";
import { strictBase64Decode, uuidHexOf } from "./bytesText";
import { JsonError } from "./errors";
import { httpDate, parseHttpDate } from "./httpDate";
import { parseIsoDate } from "./isoDate";
import { parseJson } from "./parse";

export class TypedJsonError extends Error {
  override readonly name = "TypedJsonError";
  /** "syntax": the text is not JSON; "typed": it is JSON, but a `$type` object in it is wrong. */
  readonly kind: "syntax" | "typed";
  constructor(message: string, kind: "syntax" | "typed" = "typed") {
    super(message);
    this.kind = kind;
  }
}

const FIELDS: Record<string, readonly string[]> = {
  float: ["repr", "value"],
  bigint: ["value"],
  tuple: ["items"],
  bytes: ["base64", "hex"],
  uuid: ["value", "hex"],
  datetime: ["iso", "http_date"],
  markup: ["value"],
  dict: ["items"],
};
const TYPE_LIST = Object.keys(FIELDS).join(", ");

function childPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

/** A JSON number field as a JS number (null for JSON null, undefined when absent or not numeric). */
function numberField(v: Value | undefined): number | null | undefined {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "object" && !Array.isArray(v) && !isDict(v)) {
    if (v.kind === "float") return v.value;
    if (v.kind === "bigint") return Number(v.value);
  }
  return undefined;
}

const FLOAT_REPR = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE: Record<string, number> = {
  nan: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  infinity: Number.POSITIVE_INFINITY,
  "+inf": Number.POSITIVE_INFINITY,
  "+infinity": Number.POSITIVE_INFINITY,
  "-inf": Number.NEGATIVE_INFINITY,
  "-infinity": Number.NEGATIVE_INFINITY,
};

/** Python `float(repr)` for the forms a repr can take. */
function parseFloatRepr(repr: string): number | undefined {
  const text = repr.trim();
  if (FLOAT_REPR.test(text)) return Number(text);
  return NON_FINITE[text.toLowerCase()];
}

class TypedReader {
  value(v: Value, path: string): Value {
    if (Array.isArray(v)) return v.map((item, i) => this.value(item, `${path}[${i}]`));
    if (!isDict(v)) return v;
    if (!v.has("$type")) {
      const out: Dict = new Map();
      for (const [key, item] of v) out.set(key, this.value(item, childPath(path, key)));
      return out;
    }
    return this.typed(v, path);
  }

  fail(path: string, what: string): TypedJsonError {
    return new TypedJsonError(`${path}: ${what}`);
  }

  typed(v: Dict, path: string): Value {
    const type = v.get("$type");
    if (typeof type !== "string" || !Object.hasOwn(FIELDS, type)) {
      throw this.fail(
        path,
        `"$type" must be one of ${TYPE_LIST}; a dict with its own "$type" key is written {"$type":"dict","items":[[key, value], …]}`,
      );
    }
    const allowed = FIELDS[type] as readonly string[];
    for (const key of v.keys()) {
      if (key !== "$type" && !allowed.includes(key)) {
        throw this.fail(
          path,
          `unknown field "${key}" in a ${type} (its fields: ${allowed.join(", ")})`,
        );
      }
    }
    switch (type) {
      case "float":
        return this.float(v, path);
      case "bigint":
        return this.bigint(v.get("value"), path);
      case "tuple":
        return pyTuple(this.list(v.get("items"), `${path}.items`, 'tuple needs "items": [ … ]'));
      case "bytes":
        return this.bytes(v, path);
      case "uuid":
        return this.uuid(v, path);
      case "datetime":
        return this.datetime(v, path);
      case "markup": {
        const text = v.get("value");
        if (typeof text !== "string") throw this.fail(path, 'markup needs "value": a string');
        return pyMarkup(text);
      }
      default:
        return this.dict(v, path);
    }
  }

  list(items: Value | undefined, path: string, need: string): Value[] {
    if (!Array.isArray(items)) throw this.fail(path, need);
    return items.map((item, i) => this.value(item, `${path}[${i}]`));
  }

  float(v: Dict, path: string): Value {
    const repr = v.get("repr");
    const given = numberField(v.get("value"));
    if (v.has("value") && given === undefined)
      throw this.fail(path, 'float "value" must be a number or null');
    if (repr !== undefined) {
      const fromRepr = typeof repr === "string" ? parseFloatRepr(repr) : undefined;
      if (fromRepr === undefined) {
        throw this.fail(
          path,
          `float "repr" must be a Python float such as "1.0", "1e-07" or "NaN"`,
        );
      }
      const finite = Number.isFinite(fromRepr);
      if (given !== undefined && (finite ? given !== fromRepr : given !== null)) {
        throw this.fail(path, `float "repr" ${JSON.stringify(repr)} and "value" ${given} disagree`);
      }
      return pyFloat(fromRepr);
    }
    if (typeof given !== "number")
      throw this.fail(path, 'float needs "repr" (or a numeric "value")');
    return pyFloat(given);
  }

  bigint(value: Value | undefined, path: string): Value {
    let big: bigint | undefined;
    if (typeof value === "string" && /^[+-]?\d+$/.test(value.trim())) big = BigInt(value.trim());
    else if (typeof value === "number" && Number.isInteger(value)) big = BigInt(value);
    else if (
      typeof value === "object" &&
      value !== null &&
      "kind" in value &&
      value.kind === "bigint"
    ) {
      big = value.value;
    }
    if (big === undefined) throw this.fail(path, 'bigint needs "value": a string of digits');
    const n = Number(big);
    return Number.isSafeInteger(n) ? n : pyBigInt(big);
  }

  bytes(v: Dict, path: string): Value {
    const base64 = v.get("base64");
    const hex = v.get("hex");
    const fromB64 = typeof base64 === "string" ? strictBase64Decode(base64.trim()) : undefined;
    const fromHx = typeof hex === "string" ? hexToBytes(hex.trim()) : undefined;
    if (base64 !== undefined && !fromB64)
      throw this.fail(path, 'bytes "base64" is not valid base64');
    if (hex !== undefined && !fromHx)
      throw this.fail(path, 'bytes "hex" must be an even number of hex digits');
    const bytes = fromB64 ?? fromHx;
    if (!bytes) throw this.fail(path, 'bytes needs "base64" or "hex"');
    if (fromB64 && fromHx && !sameBytes(fromB64, fromHx)) {
      throw this.fail(path, 'bytes "base64" and "hex" hold different bytes');
    }
    return pyBytes(bytes);
  }

  uuid(v: Dict, path: string): Value {
    const value = v.get("value");
    const hex = v.get("hex");
    const fromValue = typeof value === "string" ? uuidHexOf(value) : undefined;
    const fromHx = typeof hex === "string" ? uuidHexOf(hex) : undefined;
    if (value !== undefined && !fromValue)
      throw this.fail(path, 'uuid "value" must be 32 hex digits (dashes allowed)');
    if (hex !== undefined && !fromHx) throw this.fail(path, 'uuid "hex" must be 32 hex digits');
    const result = fromValue ?? fromHx;
    if (!result) throw this.fail(path, 'uuid needs "value" or "hex"');
    if (fromValue && fromHx && fromValue !== fromHx)
      throw this.fail(path, 'uuid "value" and "hex" differ');
    return pyUuid(result);
  }

  datetime(v: Dict, path: string): Value {
    const iso = v.get("iso");
    const http = v.get("http_date");
    let fromIso: PyDateTime | null | undefined;
    let fromHttp: PyDateTime | null | undefined;
    if (iso !== undefined) {
      fromIso = typeof iso === "string" ? parseIsoDate(iso) : null;
      if (!fromIso)
        throw this.fail(path, 'datetime "iso" must look like "2024-02-29T12:34:56+00:00"');
    }
    if (http !== undefined) {
      fromHttp = typeof http === "string" ? parseHttpDate(http) : null;
      if (!fromHttp) {
        throw this.fail(
          path,
          'datetime "http_date" must look like "Thu, 29 Feb 2024 12:34:56 GMT"',
        );
      }
    }
    const result = fromIso ?? fromHttp;
    if (!result) throw this.fail(path, 'datetime needs "iso" or "http_date"');
    // Written text counts too: werkzeug reads the year "0099" as 1999, so years < 100 don't re-parse.
    const sameInstant =
      fromIso?.epochSeconds === fromHttp?.epochSeconds ||
      (fromIso && typeof http === "string" && httpDate(fromIso.epochSeconds) === http.trim());
    if (fromIso && fromHttp && !sameInstant) {
      throw this.fail(path, 'datetime "iso" and "http_date" are different instants');
    }
    return pyDateTime(result.epochSeconds, result.offsetMinutes);
  }

  dict(v: Dict, path: string): Dict {
    const items = v.get("items");
    const need = 'dict needs "items": [[key, value], …]';
    if (!Array.isArray(items)) throw this.fail(path, need);
    const out: Dict = new Map();
    items.forEach((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
        throw this.fail(`${path}.items[${i}]`, "each item must be [key (a string), value]");
      }
      out.set(pair[0], this.value(pair[1] as Value, childPath(path, pair[0])));
    });
    return out;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function read(text: string, mode: "python" | "js"): Value {
  let parsed: Value;
  try {
    parsed = parseJson(text, mode);
  } catch (e) {
    if (e instanceof JsonError) throw new TypedJsonError(e.message, "syntax");
    throw e;
  }
  return new TypedReader().value(parsed, "$");
}

/** Typed JSON → Value for the Python formats: `1.5` becomes a float, `7` an int. */
export function fromTypedJson(text: string): Value {
  return read(text, "python");
}

/** Typed JSON → Value for cookie-session: plain numbers stay JS numbers. */
export function fromTypedJsonJs(text: string): Value {
  return read(text, "js");
}
