/**
 * The tree editor's operations on a session value, pure and immutable: each returns a new
 * value and leaves the old one as it was (the original is what the diff and undo compare
 * against). A path is the list of steps from the session to a node: a key for a dict, an index
 * for a list or tuple. Leaves are edited as text in their Python type; `parseLeaf` says in a
 * sentence what to fix when the text is not a value of that type.
 */
import { bytesToHex, hexToBytes } from "../codec/bytes";
import { uuidDashed, uuidHexOf } from "../codec/json/bytesText";
import { pyFloatRepr } from "../codec/json/floatRepr";
import { isoDate, parseIsoDate } from "../codec/json/isoDate";
import {
  type Dict,
  isDict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../codec/value";

export type Step = string | number;
export type Path = readonly Step[];

export const KINDS = [
  "str",
  "int",
  "float",
  "bool",
  "None",
  "dict",
  "list",
  "tuple",
  "bytes",
  "datetime",
  "UUID",
  "Markup",
] as const;
export type Kind = (typeof KINDS)[number];

export function kindOf(v: Value): Kind {
  if (v === null) return "None";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (Array.isArray(v)) return "list";
  if (isDict(v)) return "dict";
  const kinds = {
    float: "float",
    bigint: "int",
    tuple: "tuple",
    bytes: "bytes",
    datetime: "datetime",
    uuid: "UUID",
    markup: "Markup",
  } as const;
  return kinds[v.kind];
}

export function isContainer(v: Value): v is Value[] | Dict | { kind: "tuple"; items: Value[] } {
  return (
    Array.isArray(v) || isDict(v) || (typeof v === "object" && v !== null && v.kind === "tuple")
  );
}

/** The children of a container as [step, value] pairs. */
export function children(v: Value): [Step, Value][] {
  if (Array.isArray(v)) return v.map((item, i) => [i, item]);
  if (isDict(v)) return [...v];
  if (typeof v === "object" && v !== null && v.kind === "tuple")
    return v.items.map((item, i) => [i, item]);
  return [];
}

function withChildren(v: Value, entries: [Step, Value][]): Value {
  if (isDict(v)) return new Map(entries as [string, Value][]);
  const items = entries.map(([, item]) => item);
  return Array.isArray(v) ? items : pyTuple(items);
}

/** The value with the node at `path` replaced by `change(node)`. */
export function updateAt(root: Value, path: Path, change: (node: Value) => Value): Value {
  if (path.length === 0) return change(root);
  const [step, ...rest] = path;
  return withChildren(
    root,
    children(root).map(([s, item]) => [s, s === step ? updateAt(item, rest, change) : item]),
  );
}

export function removeAt(root: Value, path: Path): Value {
  const parent = path.slice(0, -1);
  const step = path[path.length - 1];
  return updateAt(root, parent, (node) =>
    withChildren(
      node,
      children(node).filter(([s]) => s !== step),
    ),
  );
}

/** Moves a child one place up (-1) or down (+1) among its siblings. */
export function moveAt(root: Value, path: Path, delta: -1 | 1): Value {
  const parent = path.slice(0, -1);
  const step = path[path.length - 1];
  return updateAt(root, parent, (node) => {
    const entries = children(node);
    const i = entries.findIndex(([s]) => s === step);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= entries.length) return node;
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    return withChildren(node, entries);
  });
}

/** Renames a dict key in place (its position kept); null when the new key is taken. */
export function renameAt(root: Value, path: Path, newKey: string): Value | null {
  const parent = path.slice(0, -1);
  const oldKey = path[path.length - 1];
  let taken = false;
  const next = updateAt(root, parent, (node) => {
    if (!isDict(node)) return node;
    if (newKey !== oldKey && node.has(newKey)) taken = true;
    return new Map([...node].map(([k, item]) => [k === oldKey ? newKey : k, item]));
  });
  return taken ? null : next;
}

/** Adds an empty string child: a new key (`new_key`, `new_key_2`…) to a dict, an item to a list. */
export function addChild(root: Value, path: Path): Value {
  return updateAt(root, path, (node) => {
    if (isDict(node)) {
      let key = "new_key";
      for (let n = 2; node.has(key); n++) key = `new_key_${n}`;
      return new Map([...node, [key, ""]]);
    }
    return withChildren(node, [...children(node), [children(node).length, ""]]);
  });
}

/** The text a leaf is edited as. */
export function leafText(v: Value): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (Array.isArray(v) || isDict(v)) return "";
  switch (v.kind) {
    case "float":
      return pyFloatRepr(v.value);
    case "bigint":
      return v.value.toString();
    case "bytes":
      return bytesToHex(v.bytes);
    case "datetime":
      return isoDate(v);
    case "uuid":
      return uuidDashed(v.hex);
    case "markup":
      return v.value;
    case "tuple":
      return "";
  }
}

export type LeafParse = { ok: true; value: Value } | { ok: false; message: string };

const FLOAT_WORDS: Record<string, number> = { nan: Number.NaN, inf: Infinity, "-inf": -Infinity };

/** Text → a leaf of the given kind, or what to fix. */
export function parseLeaf(kind: Kind, text: string): LeafParse {
  const t = text.trim();
  const fail = (message: string): LeafParse => ({ ok: false, message });
  switch (kind) {
    case "str":
      return { ok: true, value: text };
    case "Markup":
      return { ok: true, value: pyMarkup(text) };
    case "None":
      return { ok: true, value: null };
    case "bool":
      if (/^(true|false)$/i.test(t)) return { ok: true, value: t.toLowerCase() === "true" };
      return fail("a bool is True or False");
    case "int": {
      if (!/^-?\d+$/.test(t)) return fail("an int is whole digits, e.g. 42 or -7");
      const big = BigInt(t);
      const safe = big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER);
      return { ok: true, value: safe ? Number(big) : pyBigInt(big) };
    }
    case "float": {
      const word = FLOAT_WORDS[t.toLowerCase()];
      if (word !== undefined) return { ok: true, value: pyFloat(word) };
      if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) {
        return fail("a float is a number such as 1.0, 2.5 or 1e-07 (or nan, inf)");
      }
      return { ok: true, value: pyFloat(Number(t)) };
    }
    case "bytes": {
      const bytes = hexToBytes(t);
      if (bytes === null) {
        return fail("bytes are edited as hex: an even number of 0-9 a-f digits");
      }
      return { ok: true, value: pyBytes(bytes) };
    }
    case "datetime": {
      const dt = parseIsoDate(t);
      return dt
        ? { ok: true, value: dt }
        : fail('a datetime looks like "2026-01-01T03:25:45+00:00"');
    }
    case "UUID": {
      const hex = uuidHexOf(t);
      return hex
        ? { ok: true, value: pyUuid(hex) }
        : fail("a UUID is 32 hex digits (dashes allowed)");
    }
    default:
      return fail(`a ${kind} is edited through its items`);
  }
}

/** The node converted to another kind: containers keep their items, leaves their text when it fits. */
export function convertKind(v: Value, kind: Kind, now: number): Value {
  if (kindOf(v) === kind) return v;
  const items = children(v).map(([, item]) => item);
  switch (kind) {
    case "dict":
      return isContainer(v) ? new Map(items.map((item, i) => [String(i), item])) : new Map();
    case "list":
      return isContainer(v) ? items : [];
    case "tuple":
      return pyTuple(isContainer(v) ? items : []);
    default: {
      const parsed = parseLeaf(kind, leafText(v));
      if (parsed.ok) return parsed.value;
      const fresh: Record<string, Value> = {
        int: 0,
        float: pyFloat(0),
        bool: false,
        bytes: pyBytes(new Uint8Array()),
        datetime: pyDateTime(Math.floor(now)),
        UUID: pyUuid("0".repeat(32)),
      };
      return fresh[kind] ?? "";
    }
  }
}
