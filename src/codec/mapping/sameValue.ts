/**
 * Whether two faithful values are the same session data: what a framework would write the same
 * and read back the same. Dicts compare as Python dicts do (keys and values, not order: Flask
 * sorts keys anyway); everything else by type and value, so the float `1.0` is not the int `1`
 * and a tuple is not a list. The Node library uses it to know whether a session was modified.
 */
import { isDict, type Value } from "../value";

export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return typeof a === "number" && typeof b === "number" && Object.is(a, b);
  }
  if (Array.isArray(a)) return Array.isArray(b) && sameItems(a, b);
  if (Array.isArray(b)) return false;
  if (isDict(a)) {
    if (!isDict(b) || a.size !== b.size) return false;
    for (const [k, x] of a) {
      const y = b.get(k);
      if (y === undefined || !sameValue(x, y)) return false;
    }
    return true;
  }
  if (isDict(b) || a.kind !== b.kind) return false;
  switch (a.kind) {
    case "float":
    case "bigint":
    case "markup":
      return Object.is(a.value, (b as typeof a).value);
    case "uuid":
      return a.hex === (b as typeof a).hex;
    case "tuple":
      return sameItems(a.items, (b as typeof a).items);
    case "bytes":
      return sameBytes(a.bytes, (b as typeof a).bytes);
    case "datetime":
      return (
        a.epochSeconds === (b as typeof a).epochSeconds &&
        a.offsetMinutes === (b as typeof a).offsetMinutes
      );
  }
}

function sameItems(a: readonly Value[], b: readonly Value[]): boolean {
  return a.length === b.length && a.every((x, i) => sameValue(x, b[i] as Value));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
