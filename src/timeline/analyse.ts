/**
 * Turns one captured write into a timeline row: who wrote it, who can read the cookie after
 * it, and what changed in the decoded session since the jar's previous value of that cookie
 * (`prev`, handed in by whoever replays the jar: the timeline builder). A value over the
 * browser's size limit is dropped by the browser, so it never becomes anyone's `prev`.
 * Readings are cached per (name, value, companion signature, second) and diffs per pair of
 * readings, so re-building a row whose inputs did not change decodes nothing.
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
import { urlParts } from "./url";

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

/**
 * Readings and diffs kept at most, each. The panel keeps one cache while the sides stay the same,
 * and readings are keyed by the second: an app that re-signs on every response would otherwise
 * grow it for as long as DevTools stays open. Well above the panel's ring (3000 writes), so a
 * whole rebuild still reads each value once.
 */
export const READING_CACHE_LIMIT = 20_000;

/** Per-sides cache of value readings; make a new one when the sides change. */
export class ReadingCache {
  private readonly readings = new Map<string, ValueReading>();
  private diffs = new Map<Value | undefined, Map<Value | undefined, SessionDiff>>();
  private diffCount = 0;
  constructor(
    readonly sides: readonly Side[],
    private readonly limit = READING_CACHE_LIMIT,
  ) {}

  /** Entries held (readings, diffs), for the test that keeps them bounded. */
  get size(): { readings: number; diffs: number } {
    return { readings: this.readings.size, diffs: this.diffCount };
  }

  /** Keyed by the second too: expiry is judged at `at`, so one value can read two ways. */
  reading(name: string, value: string, at: number, sig: string | undefined): ValueReading {
    const now = Math.floor(at / 1000);
    const key = `${now}\u0000${name}\u0000${sig === undefined ? "-" : `+${sig}`}\u0000${value}`;
    let hit = this.readings.get(key);
    if (!hit) {
      hit = readValue(name, value, this.sides, { now, ...(sig !== undefined ? { sig } : {}) });
      // The oldest reading goes first (a Map iterates in insertion order); readings are pure,
      // so one dropped is only read again.
      if (this.readings.size >= this.limit) {
        this.readings.delete(this.readings.keys().next().value as string);
      }
      this.readings.set(key, hit);
    }
    return hit;
  }

  /** Keyed by the decoded values themselves, so the answer never depends on what came first. */
  diff(before: Value | undefined, after: Value | undefined): SessionDiff {
    let row = this.diffs.get(before);
    let hit = row?.get(after);
    if (hit) return hit;
    if (this.diffCount >= this.limit) {
      // Diffs are keyed by pairs of objects: start again rather than track their age.
      this.diffs = new Map();
      this.diffCount = 0;
      row = undefined;
    }
    if (!row) {
      row = new Map();
      this.diffs.set(before, row);
    }
    hit = sessionDiff(before, after);
    row.set(after, hit);
    this.diffCount++;
    return hit;
  }
}

const EMPTY = dict([]);

/** A row with what it was made from, so an unchanged row is kept rather than made again. */
export interface Analysed {
  raw: RawWrite;
  reading: ValueReading | null;
  row: TimelineWrite;
}

export function analyseWrite(
  w: RawWrite,
  prev: TimelineWrite | null,
  cache: ReadingCache,
  last: Analysed | null = null,
): Analysed {
  const reading = w.deleted ? null : cache.reading(w.identity.name, w.value, w.at, w.companionSig);
  const data = reading === null ? EMPTY : reading.data;
  const diff = cache.diff(prev === null || prev.deleted ? EMPTY : prev.data, data);
  const previousSeq = prev?.seq ?? null;
  if (
    last !== null &&
    last.raw === w &&
    last.reading === reading &&
    last.row.previousSeq === previousSeq &&
    last.row.diff === diff
  ) {
    return last;
  }
  const bytes = w.deleted ? 0 : cookieBytes(w.identity.name, w.value);
  const path = w.request ? (urlParts(w.request.url)?.pathname ?? null) : null;
  const row: TimelineWrite = {
    ...w,
    writer: attributeWriter(w.identity.name, reading, cache.sides, path),
    readers: readersOf(w.identity.name, w.identity.path, reading, cache.sides),
    data,
    previousSeq,
    diff,
    bytes,
    oversize: bytes > COOKIE_BYTE_LIMIT,
  };
  return { raw: w, reading, row };
}
