/**
 * The timeline, kept up to date one record at a time: the panel hands it the background's ring
 * after every event and gets back what a build of the whole ring gives, at the cost of the
 * records that came or went. Capture says which writes it shows differently, the jar re-makes
 * the rows of the touched cookie keys, and the findings engine looks again at the rows that can
 * see them. A step that cannot be taken in place (records out of seq order, a cookie name whose
 * tracking flips for records already taken) replays the records taken from the start.
 */
import { detectFormats } from "../codec";
import type { CookieChange, SetCookieSeen } from "../model/change";
import type { Side } from "../model/side";
import { ReadingCache, type TimelineWrite } from "./analyse";
import { Capture, type CaptureInput, type Tracked } from "./capture";
import type { Finding } from "./detectors/types";
import { FindingsEngine } from "./findings";
import { Jar } from "./jar";

export interface Timeline {
  writes: TimelineWrite[];
  findings: Finding[];
}

/** Session cookies: a declared side's cookie name, or a value shaped like a signed session. */
export function sessionCookies(sides: readonly Side[]): Tracked {
  const names = new Set(sides.map((s) => s.cookieName));
  return {
    named: (name) => names.has(name),
    shaped: (name, value) => !name.endsWith(".sig") && detectFormats(value, { name }).length > 0,
  };
}

type Seq = { seq: number };
const bySeq = (a: Seq, b: Seq) => a.seq - b.seq;
const inOrder = <T extends Seq>(list: readonly T[]) =>
  list.every((r, i) => i === 0 || (list[i - 1] as T).seq <= r.seq) ? list : [...list].sort(bySeq);

/** Puts `r` in seq order (after any equal seq); true when that is at the end. */
function place<T extends Seq>(list: T[], r: T): boolean {
  const last = list[list.length - 1];
  if (!last || last.seq <= r.seq) {
    list.push(r);
    return true;
  }
  let i = list.length;
  while (i > 0 && (list[i - 1] as T).seq > r.seq) i--;
  list.splice(i, 0, r);
  return false;
}

/**
 * How `next` follows from `taken`: the oldest `dropped` are gone and `added` came after the
 * rest; null when it does not (the records changed some other way).
 */
function follow<T>(
  taken: readonly T[],
  next: readonly T[],
): { dropped: number; added: T[] } | null {
  const first = next[0];
  const at = first === undefined ? -1 : taken.indexOf(first);
  // None of the taken left: an empty ring, or all new records (fresh ones or a burst past the ring).
  if (at === -1 && taken.length > 0) return null;
  const dropped = at === -1 ? 0 : at;
  const kept = taken.length - dropped;
  if (next.length < kept) return null;
  for (let i = 0; i < kept; i++) if (next[i] !== taken[dropped + i]) return null;
  return { dropped, added: next.slice(kept) };
}

export interface BuilderOptions {
  /** Readings to reuse (per sides list). */
  cache?: ReadingCache;
  /** False for a HAR file: no cookies.onChanged feed, so no write is ever confirmed. */
  hasChangeFeed?: boolean;
}

export class TimelineBuilder {
  readonly cache: ReadingCache;
  private hasChangeFeed: boolean;
  private readonly tracked: Tracked;
  private seen: SetCookieSeen[] = [];
  private changes: CookieChange[] = [];
  private capture: Capture;
  private jar: Jar;
  private engine: FindingsEngine;
  private shown: Timeline | null = null;

  constructor(
    readonly sides: readonly Side[],
    options: BuilderOptions = {},
  ) {
    this.cache = options.cache ?? new ReadingCache(sides);
    this.hasChangeFeed = options.hasChangeFeed ?? true;
    this.tracked = sessionCookies(sides);
    this.capture = new Capture(this.tracked, this.hasChangeFeed);
    this.jar = new Jar(this.cache);
    this.engine = new FindingsEngine(sides, this.jar);
  }

  addSeen(seen: SetCookieSeen): void {
    if (!place(this.seen, seen)) this.capture.stale = true;
    this.capture.addSeen(seen);
  }

  addChange(change: CookieChange): void {
    if (!place(this.changes, change)) this.capture.stale = true;
    this.capture.addChange(change);
  }

  /** Forgets the oldest sighting (the ring is full). */
  dropOldestSeen(): void {
    if (this.seen.shift()) this.capture.dropOldestSeen();
  }

  /** Forgets the oldest change (the ring is full). */
  dropOldestChange(): void {
    if (this.changes.shift()) this.capture.dropOldestChange();
  }

  /**
   * Takes the records as they are now: when they are the ones taken with some of the oldest
   * gone and newer ones after, only that difference is applied; anything else starts over.
   */
  sync(input: CaptureInput): Timeline {
    const seen = follow(this.seen, inOrder(input.seen));
    const changes = follow(this.changes, inOrder(input.changes));
    if (!seen || !changes || input.hasChangeFeed !== this.hasChangeFeed) {
      this.hasChangeFeed = input.hasChangeFeed;
      this.seen = [...inOrder(input.seen)];
      this.changes = [...inOrder(input.changes)];
      this.replay();
      return this.timeline();
    }
    for (let i = 0; i < seen.dropped; i++) this.dropOldestSeen();
    for (let i = 0; i < changes.dropped; i++) this.dropOldestChange();
    for (const s of seen.added) this.addSeen(s);
    for (const c of changes.added) this.addChange(c);
    return this.timeline();
  }

  /** The timeline of the records taken; the same object while nothing changed. */
  timeline(): Timeline {
    if (this.capture.stale) this.replay();
    const touched = this.capture.takeTouched();
    if (touched.size === 0 && this.shown) return this.shown;
    this.engine.apply(this.jar.apply(touched));
    this.shown = { writes: this.jar.rows(), findings: this.engine.list.findings() };
    return this.shown;
  }

  /** Starts over from the records taken: sightings first, then changes, as one build does. */
  private replay(): void {
    this.capture = new Capture(this.tracked, this.hasChangeFeed);
    this.jar = new Jar(this.cache);
    this.engine = new FindingsEngine(this.sides, this.jar);
    this.shown = null;
    for (const s of this.seen) this.capture.addSeen(s);
    for (const c of this.changes) this.capture.addChange(c);
  }
}

/** One build of a whole input (the CLI, a HAR import): the builder, fed everything at once. */
export function buildTimeline(
  input: CaptureInput,
  sides: readonly Side[],
  cache: ReadingCache = new ReadingCache(sides),
): Timeline {
  return new TimelineBuilder(sides, { cache, hasChangeFeed: input.hasChangeFeed }).sync(input);
}
