/**
 * Turns captured writes into timeline rows: who wrote each one, who can read the cookie after
 * it, and what changed in the decoded session since the jar's previous value of that cookie.
 * The jar is replayed in the order the browser applied the writes; a value over the browser's
 * size limit is dropped by the browser, so it never becomes the previous value. Readings are
 * cached per (name, value, companion signature), so re-building a long timeline after one more
 * write decodes only the new value.
 */

import { COOKIE_BYTE_LIMIT, cookieBytes } from "../analysis/cookieSize";
import { type SessionDiff, sessionDiff } from "../analysis/sessionDiff";
import { dict, type Value } from "../codec/value";
import type { Side } from "../model/side";
import {
  attributeWriter,
  type Reader,
  readersOf,
  readValue,
  type ValueReading,
  type Writer,
} from "./attribute";
import type { RawWrite } from "./capture";

export interface TimelineWrite extends RawWrite {
  writer: Writer;
  readers: Reader[];
  /** The decoded session after the write (empty for a deletion); undefined when unreadable. */
  data: Value | undefined;
  /** The write this one replaced in the jar (same cookie key), if any. */
  previousSeq: number | null;
  diff: SessionDiff;
  /** name + value bytes, as the browser counts them against its limit. */
  bytes: number;
  /** The browser refuses a cookie this big: it was never stored. */
  oversize: boolean;
}

/** Per-sides cache of value readings; make a new one when the sides change. */
export class ReadingCache {
  private readonly readings = new Map<string, ValueReading>();
  private readonly diffs = new Map<string, SessionDiff>();
  constructor(readonly sides: readonly Side[]) {}

  reading(name: string, value: string, at: number, sig: string | undefined): ValueReading {
    const key = `${name}\u0000${value}\u0000${sig ?? ""}`;
    let hit = this.readings.get(key);
    if (!hit) {
      const ctx = { now: Math.floor(at / 1000), ...(sig !== undefined ? { sig } : {}) };
      hit = readValue(name, value, this.sides, ctx);
      this.readings.set(key, hit);
    }
    return hit;
  }

  diff(beforeKey: string, before: Value | undefined, afterKey: string, after: Value | undefined) {
    const key = `${beforeKey}\u0001${afterKey}`;
    let hit = this.diffs.get(key);
    if (!hit) {
      hit = sessionDiff(before, after);
      this.diffs.set(key, hit);
    }
    return hit;
  }
}

const EMPTY = dict([]);

function requestPath(write: RawWrite): string | null {
  if (!write.request) return null;
  try {
    return new URL(write.request.url).pathname;
  } catch {
    return null;
  }
}

/** The cookie-session `NAME.sig` value that goes with a write, if one was seen. */
export type CompanionSig = (write: RawWrite) => string | undefined;

export function analyseWrites(
  raw: readonly RawWrite[],
  cache: ReadingCache,
  companionSig: CompanionSig = () => undefined,
): TimelineWrite[] {
  const jar = new Map<string, TimelineWrite>();
  return raw.map((w) => {
    const bytes = w.deleted ? 0 : cookieBytes(w.identity.name, w.value);
    const oversize = bytes > COOKIE_BYTE_LIMIT;
    const sig = w.deleted ? undefined : companionSig(w);
    const reading = w.deleted ? null : cache.reading(w.identity.name, w.value, w.at, sig);
    const data = reading === null ? EMPTY : reading.data;
    const prev = jar.get(w.key) ?? null;
    const before = prev === null || prev.deleted ? EMPTY : prev.data;
    const beforeKey = prev === null || prev.deleted ? "" : prev.value;
    const diff = cache.diff(beforeKey, before, w.value, data);
    const row: TimelineWrite = {
      ...w,
      writer: attributeWriter(w.identity.name, reading, cache.sides, requestPath(w)),
      readers: readersOf(w.identity.name, w.identity.path, reading, cache.sides),
      data,
      previousSeq: prev?.seq ?? null,
      diff,
      bytes,
      oversize,
    };
    if (!oversize) jar.set(w.key, row);
    return row;
  });
}
