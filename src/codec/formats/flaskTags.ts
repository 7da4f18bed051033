/**
 * Flask's TaggedJSONSerializer (docs/formats.md §9): Python types that JSON cannot say are written
 * as one-key dicts (`{" t": [...]}`) and read back bottom-up. A dict is untagged only when it
 * has exactly one key and that key is a registered tag; `" di"` escapes a user dict that would
 * otherwise look like a tag.
 */
import { b64DecodePy, b64EncodeStd } from "../base64/base64";
import { httpDate, parseHttpDate } from "../json/httpDate";
import { type Dict, isDict, pyBytes, pyMarkup, pyTuple, pyUuid, type Value } from "../value";

const TAG_KEYS = new Set([" di", " t", " b", " m", " u", " d"]);

/** Raised when a tag's content is not what Flask can load (Flask answers HTTP 500). */
export class TagError extends Error {}

/**
 * Python value → JSON-able value with Flask tags, as `TaggedJSONSerializer.tag` does. Lists
 * and dicts with nothing to tag inside come back as they are (the input is never changed;
 * callers only serialise the result), so signing a plain session copies nothing.
 */
export function tag(v: Value): Value {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return tagItems(v);
  if (isDict(v)) {
    if (v.size === 1) {
      const [key, inner] = v.entries().next().value as [string, Value];
      if (TAG_KEYS.has(key)) return one(" di", one(`${key}__`, tag(inner)));
    }
    return tagEntries(v);
  }
  switch (v.kind) {
    case "tuple":
      return one(" t", tagItems(v.items));
    case "bytes":
      return one(" b", b64EncodeStd(v.bytes));
    case "markup":
      return one(" m", v.value);
    case "uuid":
      return one(" u", v.hex);
    case "datetime":
      return one(" d", httpDate(v.epochSeconds));
    default:
      return v;
  }
}

function tagItems(items: Value[]): Value[] {
  let out: Value[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    const t = tag(x);
    if (out === null && t !== x) out = items.slice(0, i);
    out?.push(t);
  }
  return out ?? items;
}

function tagEntries(dict: Dict): Dict {
  let out: Dict | null = null;
  for (const [k, x] of dict) {
    const t = tag(x);
    if (out === null && t !== x) {
      out = new Map();
      for (const [before, y] of dict) {
        if (before === k) break;
        out.set(before, y);
      }
    }
    out?.set(k, t);
  }
  return out ?? dict;
}

function one(key: string, value: Value): Dict {
  return new Map([[key, value]]);
}

/** Tagged JSON value → Python value, children first (Flask's object_hook / `_untag_scan`). */
export function untag(v: Value): Value {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = untag(v[i]!);
    return v;
  }
  if (!isDict(v)) return v;
  // values() first: most dicts hold only plain values, and then no entry arrays are made.
  for (const x of v.values()) {
    if (x === null || typeof x !== "object") continue;
    const y = untag(x);
    if (y !== x) replaceValue(v, x, y);
  }
  if (v.size !== 1) return v;
  const [key, inner] = v.entries().next().value as [string, Value];
  return TAG_KEYS.has(key) ? untagOne(key, inner) : v;
}

/** Put `replacement` where `current` is; the key keeps its position. */
function replaceValue(map: Dict, current: Value, replacement: Value): void {
  for (const [k, x] of map) {
    if (x === current) {
      map.set(k, replacement);
      return;
    }
  }
}

function untagOne(key: string, inner: Value): Value {
  switch (key) {
    case " di": {
      if (!isDict(inner) || inner.size === 0) throw new TagError('a " di" tag must hold a dict');
      const [k, x] = inner.entries().next().value as [string, Value];
      return one(k.slice(0, -2), x);
    }
    case " t":
      if (Array.isArray(inner)) return pyTuple(inner);
      if (typeof inner === "string") return pyTuple([...inner]);
      throw new TagError(`a " t" (tuple) tag must hold a list, not ${describe(inner)}`);
    case " b": {
      const bytes = typeof inner === "string" ? b64DecodePy(inner) : null;
      if (bytes === null) throw new TagError('a " b" (bytes) tag must hold base64 text');
      return pyBytes(bytes);
    }
    case " m":
      if (typeof inner !== "string") throw new TagError('a " m" (Markup) tag must hold text');
      return pyMarkup(inner);
    case " u": {
      const hex = typeof inner === "string" ? uuidHex(inner) : null;
      if (hex === null) throw new TagError('a " u" (UUID) tag must hold a UUID');
      return pyUuid(hex);
    }
    default: // " d": werkzeug parse_date returns None for text it cannot read
      return typeof inner === "string" ? parseHttpDate(inner) : null;
  }
}

/** Python `uuid.UUID(s)`: drops `urn:uuid:`, braces and dashes, then needs 32 hex digits. */
function uuidHex(s: string): string | null {
  const hex = s.replace(/^urn:uuid:/i, "").replace(/[{}-]/g, "");
  return /^[0-9a-fA-F]{32}$/.test(hex) ? hex.toLowerCase() : null;
}

function describe(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `the boolean ${v}`;
  if (isDict(v)) return "a dict";
  return typeof v === "object" && !Array.isArray(v) ? `a ${v.kind}` : typeof v;
}
