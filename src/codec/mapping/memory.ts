/**
 * What `toPlain` remembers about the plain values it made, so `fromPlain` can give back the
 * exact Python value for anything the JS code left alone. A plain number cannot say it was the
 * float `1.0`, nor a string that it was a UUID or Markup, so memory is kept per container:
 * each plain object/array made by `toPlain` maps (weakly: it never keeps a session alive) to
 * the faithful value it came from and the plain children it was given. A child that is still
 * the same (`Object.is`) at the same key or index is written back as its original; anything
 * else is converted afresh. Dates remember their instant, so a `setTime` counts as a change.
 */
import type { Dict, PyDateTime, Value } from "../value";

export interface ObjectMemory {
  readonly kind: "dict";
  readonly dict: Dict;
  /** The plain value each key was given. */
  readonly plains: ReadonlyMap<string, unknown>;
}
export interface ArrayMemory {
  readonly kind: "list" | "tuple";
  readonly items: readonly Value[];
  readonly plains: readonly unknown[];
}
export interface DateMemory {
  readonly kind: "datetime";
  readonly time: number;
  readonly value: PyDateTime;
}
export type Memory = ObjectMemory | ArrayMemory | DateMemory;

const memories = new WeakMap<object, Memory>();

export function remember(plain: object, memory: Memory): void {
  memories.set(plain, memory);
}

export function recall(plain: object): Memory | undefined {
  return memories.get(plain);
}

/** Primitives, where `Object.is` says "the code did not touch it". */
export function isPrimitive(x: unknown): boolean {
  return x === null || (typeof x !== "object" && typeof x !== "function");
}
