/**
 * Row helpers the detectors share. A write followed by another Set-Cookie for the same cookie
 * in the same response is superseded: the browser ends up with the last one, so the earlier
 * is reported once by `double-set-cookie` and otherwise looked through. Sessions are compared
 * key by key through their typed JSON.
 */
import { toTypedJson } from "../../codec/typed";
import type { Value } from "../../codec/value";
import type { TimelineWrite } from "../analyse";

export function superseded(w: TimelineWrite): boolean {
  return w.sameResponse.length > 1 && w.sameResponse[w.sameResponse.length - 1] !== w.seq;
}

export type BySeq = ReadonlyMap<number, TimelineWrite>;

/** The jar's value before `w`, looking through superseded and refused (oversize) writes. */
export function effectivePrevious(w: TimelineWrite, bySeq: BySeq): TimelineWrite | undefined {
  let prev = w.previousSeq === null ? undefined : bySeq.get(w.previousSeq);
  while (prev && superseded(prev)) {
    prev = prev.previousSeq === null ? undefined : bySeq.get(prev.previousSeq);
  }
  return prev;
}

/** A top-level key's value as typed JSON (null when absent), so two sessions compare by value. */
export function valueAt(data: Value | undefined, key: string): string | null {
  if (!(data instanceof Map) || !data.has(key)) return null;
  return toTypedJson(data.get(key) as Value);
}
