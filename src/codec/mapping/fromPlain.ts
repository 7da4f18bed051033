/**
 * Plain JavaScript → faithful value (the table in docs/value-mapping.md). What `toPlain` made
 * and the code left alone comes back exactly (memory.ts); what the code assigned is mapped the
 * way a JS developer means it: arrays are lists, `Date`s datetimes, `Uint8Array`s bytes,
 * integral numbers ints, other numbers floats, bigints ints. Anything JSON cannot carry is
 * refused with the path to it, never silently dropped or turned into `{}`.
 */
import { CodecError } from "../errors";
import { LIMITS } from "../types";
import { type Dict, pyBigInt, pyBytes, pyDateTime, pyFloat, pyTuple, type Value } from "../value";
import { type ArrayMemory, isPrimitive, type Memory, type ObjectMemory, recall } from "./memory";

/**
 * `previous`: an object `toPlain` made that `plain` replaces (`session = { ...session, x }`);
 * its memory stands in for `plain`'s own when `plain` has none.
 */
export function fromPlain(plain: unknown, previous?: object): Value {
  const memory = previous === undefined ? undefined : recall(previous);
  if (memory?.kind === "dict" && plain !== null && typeof plain === "object" && !recall(plain)) {
    const proto = Object.getPrototypeOf(plain);
    if (proto === Object.prototype || proto === null) {
      return fromObject(plain as Record<string, unknown>, "session", new Set([plain]), 0, memory);
    }
  }
  return convert(plain, "session", new Set(), 0);
}

function refuse(path: string, what: string): never {
  throw new CodecError("unencodable", `${path} is ${what}, which a session cannot hold.`);
}

function convert(x: unknown, path: string, seen: Set<object>, depth: number): Value {
  switch (typeof x) {
    case "string":
    case "boolean":
      return x;
    case "number":
      if (Object.is(x, -0) || !Number.isInteger(x)) return pyFloat(x);
      return Number.isSafeInteger(x) ? x : pyBigInt(BigInt(x));
    case "bigint":
      return Number.isSafeInteger(Number(x)) ? Number(x) : pyBigInt(x);
    case "undefined":
      return refuse(path, "undefined");
    case "object":
      break;
    default:
      return refuse(path, `a ${typeof x}`);
  }
  if (x === null) return null;
  if (depth >= LIMITS.maxDepth) return refuse(path, `nested deeper than ${LIMITS.maxDepth} levels`);
  if (x instanceof Date) return fromDate(x, path);
  if (x instanceof Uint8Array) return pyBytes(x.slice());
  if (seen.has(x)) return refuse(path, "a reference to one of its own parents (a cycle)");
  seen.add(x);
  try {
    if (Array.isArray(x)) return fromArray(x, path, seen, depth);
    if (x instanceof Map) return fromMap(x, path, seen, depth);
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) {
      const name = (proto?.constructor as { name?: string } | undefined)?.name ?? "object";
      return refuse(
        path,
        `a ${name} instance (only plain objects, arrays, Maps, Dates, Uint8Arrays)`,
      );
    }
    return fromObject(x as Record<string, unknown>, path, seen, depth);
  } finally {
    seen.delete(x);
  }
}

function fromDate(date: Date, path: string): Value {
  const memory = recall(date);
  const time = date.getTime();
  if (memory?.kind === "datetime" && Object.is(memory.time, time)) return memory.value;
  if (!Number.isFinite(time)) return refuse(path, "an invalid Date");
  return pyDateTime(Math.floor(time / 1000));
}

/** The faithful value for `now` at a place that held `then` (made from `original`). */
function child(
  now: unknown,
  then: unknown,
  original: Value | undefined,
  path: string,
  seen: Set<object>,
  depth: number,
): Value {
  if (original !== undefined && isPrimitive(now) && Object.is(now, then)) return original;
  return convert(now, path, seen, depth + 1);
}

function fromArray(xs: unknown[], path: string, seen: Set<object>, depth: number): Value {
  const memory = recall(xs);
  const mem = memory?.kind === "list" || memory?.kind === "tuple" ? (memory as ArrayMemory) : null;
  const items: Value[] = [];
  for (let i = 0; i < xs.length; i++) {
    items.push(child(xs[i], mem?.plains[i], mem?.items[i], `${path}[${i}]`, seen, depth));
  }
  return mem?.kind === "tuple" ? pyTuple(items) : items;
}

function fromObject(
  obj: Record<string, unknown>,
  path: string,
  seen: Set<object>,
  depth: number,
  memory: Memory | undefined = recall(obj),
): Dict {
  const mem = memory?.kind === "dict" ? (memory as ObjectMemory) : null;
  const out: Dict = new Map();
  const add = (key: string) => {
    if (!Object.hasOwn(obj, key) || out.has(key)) return;
    const now = obj[key];
    if (now === undefined) return; // as JSON.stringify: an undefined property is no key
    out.set(
      key,
      child(now, mem?.plains.get(key), mem?.dict.get(key), keyPath(path, key), seen, depth),
    );
  };
  // Keys the dict had keep their place; JS would have moved integer-like ones first.
  if (mem) for (const key of mem.dict.keys()) add(key);
  for (const key of Object.keys(obj)) add(key);
  return out;
}

function fromMap(map: Map<unknown, unknown>, path: string, seen: Set<object>, depth: number): Dict {
  const out: Dict = new Map();
  for (const [key, value] of map) {
    if (typeof key !== "string") refuse(`${path} (a Map)`, `keyed by a ${typeof key}`);
    out.set(key, convert(value, keyPath(path, key), seen, depth + 1));
  }
  return out;
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
