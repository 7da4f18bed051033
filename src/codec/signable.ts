/**
 * What `signSession` accepts, checked once before any format sees the data: a `Value` tree and
 * nothing else. Callers in plain JavaScript (the Node library, an editor) can hand over
 * anything, and the writers below assume the type; so `undefined`, functions, symbols, bare
 * bigints, plain objects (dicts are Maps), malformed tagged values, cycles and nesting past
 * LIMITS.maxDepth all become a CodecError saying where, instead of a TypeError or a stack
 * overflow from deep inside a writer. The walk recurses at most LIMITS.maxDepth levels.
 */
import { CodecError } from "./errors";
import { LIMITS } from "./types";
import type { Value } from "./value";

function fail(path: string, why: string): never {
  throw new CodecError("unencodable", `Cannot sign this session: ${path} ${why}.`);
}

function describeKind(v: unknown): string {
  if (v === undefined) return "is undefined, which has no JSON form";
  if (typeof v === "function") return "is a function, which has no JSON form";
  if (typeof v === "symbol") return "is a symbol, which has no JSON form";
  if (typeof v === "bigint") return "is a bare bigint: wrap it as pyBigInt(n) (a Python int)";
  if (v instanceof Date) return "is a Date: give it as pyDateTime(seconds) (Flask's datetime)";
  return "is a plain object: dicts are Maps (dict([...]) or fromTypedJson / fromPlain)";
}

const TAG_FIELDS: Record<string, (v: Record<string, unknown>) => boolean> = {
  float: (v) => typeof v.value === "number",
  bigint: (v) => typeof v.value === "bigint",
  tuple: (v) => Array.isArray(v.items),
  bytes: (v) => v.bytes instanceof Uint8Array,
  uuid: (v) => typeof v.hex === "string" && /^[0-9a-f]{32}$/.test(v.hex),
  datetime: (v) => Number.isFinite(v.epochSeconds) && Number.isFinite(v.offsetMinutes),
  markup: (v) => typeof v.value === "string",
};

function walk(v: unknown, path: string, depth: number, ancestors: Set<object>): void {
  if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") {
    return;
  }
  if (typeof v !== "object") fail(path, describeKind(v));
  if (ancestors.has(v)) fail(path, "refers back to a value that contains it (a cycle)");
  if (depth >= LIMITS.maxDepth) fail(path, `is nested deeper than ${LIMITS.maxDepth} levels`);
  ancestors.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, depth + 1, ancestors);
  } else if (v instanceof Map) {
    for (const [key, item] of v) {
      if (typeof key !== "string") fail(path, `has a ${typeof key} key: dict keys are strings`);
      walk(item, `${path}[${JSON.stringify(key)}]`, depth + 1, ancestors);
    }
  } else {
    const tagged = v as Record<string, unknown>;
    const kind = typeof tagged.kind === "string" ? tagged.kind : undefined;
    const check = kind === undefined ? undefined : TAG_FIELDS[kind];
    if (check === undefined) fail(path, describeKind(v));
    if (!check(tagged)) fail(path, `is a "${kind}" value with missing or mistyped fields`);
    if (kind === "tuple") walk(tagged.items, path, depth, ancestors);
  }
  ancestors.delete(v);
}

/** Throws a CodecError unless `data` is a Value tree the writers can take. */
export function checkSignable(data: unknown): asserts data is Value {
  walk(data, "session", 0, new Set());
}
