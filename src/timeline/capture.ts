/**
 * Capture: joins what the browser told us into one list of writes. A response's Set-Cookie
 * headers (devtools network or a HAR file) say which request wrote what, in header order;
 * cookies.onChanged says what the jar actually did, including writes no visible request made
 * (page script, the panel's editor, requests from before DevTools opened) and removals with
 * their cause. An update arrives from cookies.onChanged as a removal (cause `overwrite`) then
 * an insert: the pair is one write. An insert that matches a header write (same key, same
 * value) confirms it instead of adding a row: the n-th such change confirms the n-th such
 * header. Writes are keyed by (name, domain, path, partition), never by name alone.
 *
 * `Capture` takes the records one at a time (each list in seq order) and drops the oldest, as
 * the background's ring does; after each step the writes it shows are exactly those a capture
 * of the whole remaining input shows. What one step changed is handed out as the sources it
 * touched, so the rows after it are re-made only where needed.
 */
import type { CookieChange, RequestTiming, SetCookieSeen } from "../model/change";
import { type CookieIdentity, cookieKey } from "../model/cookie";
import { deletes, parseSetCookie, type SetCookieHeader } from "./setCookieHeader";

export interface RawWrite {
  /** Header writes: the sighting's seq plus the header's index; others: the change's seq. */
  seq: number;
  /** ms since epoch: when the browser applied it (a request's end; a change's arrival). */
  at: number;
  identity: CookieIdentity;
  key: string;
  value: string;
  deleted: boolean;
  /** cookies.onChanged cause of a removal no header explains (expired, evicted, explicit…). */
  cause: string | null;
  request: RequestTiming | null;
  header: SetCookieHeader | null;
  /** The other header writes of the same cookie in the same response, by seq (this one included). */
  sameResponse: readonly number[];
  byPanel: boolean;
  /** cookies.onChanged confirmed it (true), never did (false), or there is no change feed (null). */
  confirmed: boolean | null;
  /** cookie-session's `NAME.sig` companion written with it (same response or change batch). */
  companionSig?: string;
}

export interface CaptureInput {
  seen: readonly SetCookieSeen[];
  changes: readonly CookieChange[];
  /** False when there is no cookies.onChanged feed at all (a HAR file). */
  hasChangeFeed: boolean;
}

/**
 * Which cookies are session cookies worth a row: a name always tracked (a declared side's), or
 * a value whose shape makes its name tracked from that record on (headers before changes).
 */
export interface Tracked {
  named(name: string): boolean;
  shaped(name: string, value: string): boolean;
}

/** One record's possible row: `current` is the write it shows now, null when it shows none. */
export interface WriteSource {
  current: RawWrite | null;
}

interface HeaderEntry {
  source: WriteSource;
  base: RawWrite;
  cls: MatchClass;
}

interface ParsedHeader {
  header: SetCookieHeader;
  shaped: boolean;
  tracked: boolean;
}

interface SeenEntry {
  seen: SetCookieSeen;
  parsed: (ParsedHeader | null)[];
  writes: HeaderEntry[];
}

interface ChangeEntry {
  change: CookieChange;
  shaped: boolean;
  tracked: boolean;
  /** The write it stands for (tracked changes only). */
  base: RawWrite | null;
  /** Null when untracked or folded into the insert after it. */
  cls: MatchClass | null;
  source: WriteSource;
}

/** Header writes and changes of one (key, deleted, value): they confirm each other in order. */
interface MatchClass {
  id: string;
  headers: HeaderEntry[];
  changes: ChangeEntry[];
}

const OVERWRITE_CAUSES = new Set(["overwrite", "expired_overwrite"]);

/** A sighting's headers, parsed once per record (a rebuild reads the same records again). */
const parsedBySighting = new WeakMap<SetCookieSeen, (SetCookieHeader | null)[]>();
function parsedHeaders(seen: SetCookieSeen): (SetCookieHeader | null)[] {
  let parsed = parsedBySighting.get(seen);
  if (!parsed) {
    parsed = seen.setCookies.map((text) => parseSetCookie(text, seen.request.url));
    parsedBySighting.set(seen, parsed);
  }
  return parsed;
}

function changeWrite(change: CookieChange): RawWrite {
  const { cookie } = change;
  const identity: CookieIdentity = { name: cookie.name, domain: cookie.domain, path: cookie.path };
  if (cookie.partitionKey) identity.partitionKey = cookie.partitionKey;
  return {
    seq: change.seq,
    at: change.at,
    identity,
    key: cookieKey(identity),
    value: change.removed ? "" : cookie.value,
    deleted: change.removed,
    cause: change.removed ? change.cause : null,
    request: null,
    header: null,
    sameResponse: [],
    byPanel: change.byPanel === true,
    confirmed: true,
  };
}

const count = (map: Map<string, number>, name: string) => map.get(name) ?? 0;
function bump(map: Map<string, number>, name: string, by: number): void {
  const next = count(map, name) + by;
  if (next === 0) map.delete(name);
  else map.set(name, next);
}

export class Capture {
  private readonly seen: SeenEntry[] = [];
  private readonly changes: ChangeEntry[] = [];
  private readonly classes = new Map<string, MatchClass>();
  /** Per name not always tracked: records whose value has a session's shape, and untracked changes. */
  private readonly headerShaped = new Map<string, number>();
  private readonly changeShaped = new Map<string, number>();
  private readonly untrackedChanges = new Map<string, number>();
  private touched = new Set<WriteSource>();
  /**
   * Set when a step cannot be applied in place (a record out of seq order, or a name whose
   * tracking flips for records already taken): the owner then captures the records afresh.
   */
  stale = false;

  constructor(
    private readonly tracked: Tracked,
    readonly hasChangeFeed: boolean,
  ) {}

  /** The sources whose `current` changed since the last call. */
  takeTouched(): Set<WriteSource> {
    const touched = this.touched;
    this.touched = new Set();
    return touched;
  }

  /** Every write shown now, in the order the browser applied them (time, then seq). */
  writes(): RawWrite[] {
    const shown: RawWrite[] = [];
    for (const e of this.seen)
      for (const h of e.writes) if (h.source.current) shown.push(h.source.current);
    for (const e of this.changes) if (e.source.current) shown.push(e.source.current);
    return shown.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  addSeen(seen: SetCookieSeen): void {
    const last = this.seen[this.seen.length - 1];
    if (this.stale || (last && seen.seq < last.seen.seq)) {
      this.stale = true;
      this.seen.push({ seen, parsed: [], writes: [] });
      return;
    }
    const end = seen.request.startedAt + seen.request.durationMs;
    const headers = parsedHeaders(seen);
    const parsed = headers.map((header) => header && this.trackHeader(header));
    const writes: RawWrite[] = [];
    parsed.forEach((p, index) => {
      if (!p?.tracked) return;
      const { header } = p;
      const deleted = deletes(header, end) || header.value === "";
      writes.push({
        seq: seen.seq + index,
        at: end,
        identity: header.identity,
        key: cookieKey(header.identity),
        value: deleted ? "" : header.value,
        deleted,
        cause: null,
        request: seen.request,
        header,
        sameResponse: [],
        byPanel: false,
        confirmed: this.hasChangeFeed ? false : null,
      });
    });
    // One shared list per cookie and one index of the headers: a hostile response with
    // thousands of Set-Cookie headers costs linear time and memory, not quadratic.
    const seqsByKey = new Map<string, number[]>();
    for (const w of writes) {
      const seqs = seqsByKey.get(w.key);
      if (seqs) seqs.push(w.seq);
      else seqsByKey.set(w.key, [w.seq]);
    }
    const firstHeader = new Map<string, string>();
    for (const h of headers) {
      const at = h && `${h.name}\u0000${h.identity.path}`;
      if (at && !firstHeader.has(at)) firstHeader.set(at, h.value);
    }
    for (const w of writes) {
      w.sameResponse = seqsByKey.get(w.key) as number[];
      const sig = firstHeader.get(`${w.identity.name}.sig\u0000${w.identity.path}`);
      if (sig !== undefined) w.companionSig = sig;
    }
    const entry: SeenEntry = { seen, parsed, writes: [] };
    this.seen.push(entry);
    for (const base of writes) {
      const cls = this.classFor(base);
      const h: HeaderEntry = { source: { current: null }, base, cls };
      entry.writes.push(h);
      cls.headers.push(h);
      this.settle(cls, cls.headers.length - 1);
    }
  }

  addChange(change: CookieChange): void {
    const last = this.changes[this.changes.length - 1];
    const entry: ChangeEntry = {
      change,
      shaped: false,
      tracked: false,
      base: null,
      cls: null,
      source: { current: null },
    };
    this.changes.push(entry);
    if (this.stale || (last && change.seq < last.change.seq)) {
      this.stale = true;
      return;
    }
    const { name, value } = change.cookie;
    if (this.tracked.named(name)) entry.tracked = true;
    else {
      entry.shaped = this.tracked.shaped(name, value);
      entry.tracked =
        entry.shaped || count(this.headerShaped, name) > 0 || count(this.changeShaped, name) > 0;
      if (entry.shaped) bump(this.changeShaped, name, 1);
      if (!entry.tracked) bump(this.untrackedChanges, name, 1);
    }
    const index = this.changes.length - 1;
    // The inserts just before may find their `.sig` companion in this one.
    for (let i = Math.max(0, index - 3); i < index; i++) this.refreshCompanion(i);
    const before = this.changes[index - 1];
    if (before?.cls && before.base && folds(before.change, before.base.key, change)) {
      // A removal for overwrite, then this insert of the same cookie: one update, shown as the insert.
      const cls = before.cls;
      const rank = cls.changes.length - 1;
      cls.changes.pop();
      before.cls = null;
      this.show(before.source, null);
      this.settle(cls, rank);
      this.forgetIfEmpty(cls);
    }
    if (!entry.tracked) return;
    entry.base = this.changeWriteAt(index);
    const cls = this.classFor(entry.base);
    entry.cls = cls;
    cls.changes.push(entry);
    this.settle(cls, cls.changes.length - 1);
  }

  /** Forgets the oldest sighting, as the ring does when it is full. */
  dropOldestSeen(): void {
    const entry = this.seen.shift();
    if (!entry || this.stale) return;
    for (const h of entry.writes) {
      if (h.cls.headers[0] !== h) {
        this.stale = true;
        return;
      }
      h.cls.headers.shift();
      this.show(h.source, null);
      this.settle(h.cls, 0);
      this.forgetIfEmpty(h.cls);
    }
    for (const p of entry.parsed) {
      if (!p?.shaped) continue;
      bump(this.headerShaped, p.header.name, -1);
      if (!this.tracksAsTaken(p.header.name)) this.stale = true;
    }
  }

  /** Forgets the oldest change, as the ring does when it is full. */
  dropOldestChange(): void {
    const entry = this.changes.shift();
    if (!entry || this.stale) return;
    const { cls } = entry;
    if (cls) {
      if (cls.changes[0] !== entry) {
        this.stale = true;
        return;
      }
      cls.changes.shift();
      this.settle(cls, 0);
      this.forgetIfEmpty(cls);
    }
    this.show(entry.source, null);
    for (let i = 0; i < Math.min(3, this.changes.length); i++) this.refreshCompanion(i);
    const { name } = entry.change.cookie;
    if (!entry.tracked) bump(this.untrackedChanges, name, -1);
    if (entry.shaped) {
      bump(this.changeShaped, name, -1);
      if (!this.tracksAsTaken(name)) this.stale = true;
    }
  }

  private trackHeader(header: SetCookieHeader): ParsedHeader {
    const { name, value } = header;
    if (this.tracked.named(name)) return { header, shaped: false, tracked: true };
    const shaped = this.tracked.shaped(name, value);
    const tracked = shaped || count(this.headerShaped, name) > 0;
    if (shaped) {
      // Every change of this name now follows a header that marks it: the untracked flip.
      if (count(this.headerShaped, name) === 0 && count(this.untrackedChanges, name) > 0) {
        this.stale = true;
      }
      bump(this.headerShaped, name, 1);
    }
    return { header, shaped, tracked };
  }

  /** Would a capture of the records now left track each record of `name` as it was taken? */
  private tracksAsTaken(name: string): boolean {
    let marked = false;
    for (const e of this.seen) {
      for (const p of e.parsed) {
        if (p?.header.name !== name) continue;
        if (p.tracked !== (marked || p.shaped)) return false;
        marked ||= p.shaped;
      }
    }
    for (const e of this.changes) {
      if (e.change.cookie.name !== name) continue;
      if (e.tracked !== (marked || e.shaped)) return false;
      marked ||= e.shaped;
    }
    return true;
  }

  /** cookie-session's `.sig` for change `index`: the first in the 3 changes either side. */
  private changeWriteAt(index: number): RawWrite {
    const entry = this.changes[index] as ChangeEntry;
    const write = changeWrite(entry.change);
    const sig = this.changes
      .slice(Math.max(0, index - 3), index + 4)
      .find(
        ({ change: c }) =>
          !c.removed &&
          c.cookie.name === `${write.identity.name}.sig` &&
          c.cookie.path === write.identity.path,
      );
    if (sig) write.companionSig = sig.change.cookie.value;
    return write;
  }

  private refreshCompanion(index: number): void {
    const entry = this.changes[index];
    if (!entry?.base) return;
    const base = this.changeWriteAt(index);
    if (base.companionSig === entry.base.companionSig) return;
    entry.base = base;
    if (entry.source.current !== null) this.show(entry.source, base);
  }

  private classFor(w: RawWrite): MatchClass {
    const id = `${w.key}\u0000${w.deleted ? "1" : "0"}\u0000${w.value}`;
    let cls = this.classes.get(id);
    if (!cls) {
      cls = { id, headers: [], changes: [] };
      this.classes.set(id, cls);
    }
    return cls;
  }

  private forgetIfEmpty(cls: MatchClass): void {
    if (cls.headers.length === 0 && cls.changes.length === 0) this.classes.delete(cls.id);
  }

  /** Re-pairs a class from rank `from` on: header r is confirmed by change r; spare changes are rows. */
  private settle(cls: MatchClass, from: number): void {
    for (let r = from; r < cls.headers.length; r++) {
      const h = cls.headers[r] as HeaderEntry;
      const by = cls.changes[r]?.base;
      const current = h.source.current;
      if (!by) {
        if (current !== h.base) this.show(h.source, h.base);
        continue;
      }
      const byPanel = h.base.byPanel || by.byPanel;
      if (current === null || current === h.base || current.byPanel !== byPanel) {
        this.show(h.source, { ...h.base, confirmed: true, byPanel });
      }
    }
    for (let j = from; j < cls.changes.length; j++) {
      const c = cls.changes[j] as ChangeEntry;
      const want = j < cls.headers.length ? null : c.base;
      if (c.source.current !== want) this.show(c.source, want);
    }
  }

  private show(source: WriteSource, write: RawWrite | null): void {
    if (source.current === write) return;
    source.current = write;
    this.touched.add(source);
  }
}

function folds(removal: CookieChange, key: string, next: CookieChange): boolean {
  return (
    removal.removed &&
    OVERWRITE_CAUSES.has(removal.cause) &&
    !next.removed &&
    cookieKey(next.cookie) === key
  );
}

/** The writes of a whole input, in the order the browser applied them (time, then seq). */
export function captureWrites(input: CaptureInput, tracked: Tracked): RawWrite[] {
  const capture = new Capture(tracked, input.hasChangeFeed);
  for (const s of [...input.seen].sort((a, b) => a.seq - b.seq)) capture.addSeen(s);
  for (const c of [...input.changes].sort((a, b) => a.seq - b.seq)) capture.addChange(c);
  return capture.writes();
}
