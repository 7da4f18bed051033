/**
 * The jar replayed over the writes capture shows: one slot per row, kept in the order the
 * browser applied them (time, then seq) for the whole timeline, per cookie key and per cookie
 * name. Applying what capture touched re-makes the rows of each touched key from the first
 * touched write on, and stops at the first row past the last touched one that comes out as it
 * was and is stored: from there on every row's previous value is what it was.
 */
import { type Analysed, analyseWrite, type ReadingCache, type TimelineWrite } from "./analyse";
import type { RawWrite, WriteSource } from "./capture";
import type { FindingEntry } from "./findingList";

export class Slot {
  /** Null only between its insertion and the replay of its key, in `Jar.apply`. */
  analysed: Analysed | null = null;
  /** What this row adds to the findings (kept by the findings engine). */
  own: FindingEntry[] = [];
  resignPrev: TimelineWrite | null = null;

  constructor(
    readonly source: WriteSource,
    public raw: RawWrite,
  ) {}

  get row(): TimelineWrite {
    if (!this.analysed) throw new Error("timeline slot read before its key was replayed");
    return this.analysed.row;
  }
}

export interface JarChanges {
  /** Slots whose row was made anew (inserted ones too). */
  changed: Slot[];
  inserted: Slot[];
  removed: Slot[];
}

type Position = Pick<RawWrite, "at" | "seq">;
export const comparePositions = (a: Position, b: Position) => a.at - b.at || a.seq - b.seq;

/** First index whose slot is at or after (`after`: strictly after) `p`. */
export function slotBound(list: readonly Slot[], p: Position, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = comparePositions((list[mid] as Slot).raw, p);
    if (d < 0 || (after && d === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Past this many at once, sorting the lists again beats one splice each. */
const BULK_AT = 32;
const bySlot = (a: Slot, b: Slot) => comparePositions(a.raw, b.raw);

function listIn(map: Map<string, Slot[]>, id: string): Slot[] {
  let list = map.get(id);
  if (!list) {
    list = [];
    map.set(id, list);
  }
  return list;
}

function removeSlot(list: Slot[], slot: Slot): void {
  let i = slotBound(list, slot.raw);
  while (i < list.length && list[i] !== slot) i++;
  if (i < list.length) list.splice(i, 1);
}

export class Jar {
  readonly order: Slot[] = [];
  readonly byKey = new Map<string, Slot[]>();
  readonly byName = new Map<string, Slot[]>();
  /** The rows by seq, as the detectors look a previous row up. */
  readonly bySeq = new Map<number, TimelineWrite>();
  /** How many cookie keys (paths, domains, partitions) each name has rows for. */
  readonly keysOfName = new Map<string, number>();
  private readonly slots = new Map<WriteSource, Slot>();

  constructor(private readonly cache: ReadingCache) {}

  rows(): TimelineWrite[] {
    return this.order.map((s) => s.row);
  }

  apply(touched: Iterable<WriteSource>): JarChanges {
    const marks = new Map<string, Position[]>();
    const mark = (w: RawWrite) => {
      const list = marks.get(w.key);
      if (list) list.push(w);
      else marks.set(w.key, [w]);
    };
    const inserted: Slot[] = [];
    const removed: Slot[] = [];
    for (const source of touched) {
      const slot = this.slots.get(source);
      const raw = source.current;
      if (!slot) {
        if (!raw) continue;
        const fresh = new Slot(source, raw);
        this.slots.set(source, fresh);
        inserted.push(fresh);
        mark(raw);
      } else if (!raw) {
        this.slots.delete(source);
        removed.push(slot);
        mark(slot.raw);
      } else if (slot.raw !== raw) {
        slot.raw = raw;
        mark(raw);
      }
    }
    this.remove(removed);
    this.insert(inserted);
    const changed: Slot[] = [];
    for (const [key, at] of marks) this.replay(key, at.sort(comparePositions), changed);
    return { changed, inserted, removed };
  }

  private remove(removed: readonly Slot[]): void {
    if (removed.length === 0) return;
    for (const slot of removed) {
      const { row } = slot;
      if (this.bySeq.get(row.seq) === row) this.bySeq.delete(row.seq);
    }
    if (removed.length > BULK_AT) {
      const gone = new Set(removed);
      const lists = new Set([this.order]);
      for (const s of removed) lists.add(this.keyList(s)).add(this.nameList(s));
      for (const list of lists) {
        let n = 0;
        for (const s of list) if (!gone.has(s)) list[n++] = s;
        list.length = n;
      }
    } else {
      for (const slot of removed) {
        removeSlot(this.order, slot);
        removeSlot(this.keyList(slot), slot);
        removeSlot(this.nameList(slot), slot);
      }
    }
    for (const { raw } of removed) {
      if (this.byKey.get(raw.key)?.length === 0) {
        this.byKey.delete(raw.key);
        const left = (this.keysOfName.get(raw.identity.name) ?? 1) - 1;
        if (left > 0) this.keysOfName.set(raw.identity.name, left);
        else this.keysOfName.delete(raw.identity.name);
      }
      if (this.byName.get(raw.identity.name)?.length === 0) this.byName.delete(raw.identity.name);
    }
  }

  private insert(inserted: readonly Slot[]): void {
    if (inserted.length > BULK_AT) {
      const touched = new Set<Slot[]>([this.order]);
      for (const slot of inserted) {
        const lists = [this.order, this.keyList(slot), this.nameList(slot)];
        for (const list of lists) {
          list.push(slot);
          touched.add(list);
        }
      }
      for (const list of touched) list.sort(bySlot);
      return;
    }
    for (const slot of inserted) {
      for (const list of [this.order, this.keyList(slot), this.nameList(slot)]) {
        list.splice(slotBound(list, slot.raw, true), 0, slot);
      }
    }
  }

  private keyList(slot: Slot): Slot[] {
    const { key, identity } = slot.raw;
    if (!this.byKey.has(key)) {
      this.keysOfName.set(identity.name, (this.keysOfName.get(identity.name) ?? 0) + 1);
    }
    return listIn(this.byKey, key);
  }

  private nameList(slot: Slot): Slot[] {
    return listIn(this.byName, slot.raw.identity.name);
  }

  /**
   * Re-makes the rows of `key` from each touched position (`at`, in order) on, until they come
   * out as they were: a write dropped at the start and one added at the end cost a row or two
   * each, not the rows between.
   */
  private replay(key: string, at: readonly Position[], changed: Slot[]): void {
    const list = this.byKey.get(key);
    if (!list) return;
    let k = 0;
    while (k < at.length) {
      let i = slotBound(list, at[k] as Position);
      let j = i - 1;
      while (j >= 0 && (list[j] as Slot).row.oversize) j--;
      let prev = j >= 0 ? (list[j] as Slot).row : null;
      for (; i < list.length; i++) {
        const slot = list[i] as Slot;
        const last = slot.analysed;
        slot.analysed = analyseWrite(slot.raw, prev, this.cache, last);
        const same = slot.analysed === last;
        const { row } = slot.analysed;
        if (!same) {
          changed.push(slot);
          this.bySeq.set(row.seq, row);
        }
        if (row.oversize) continue; // the browser refused it: the jar keeps `prev`
        prev = row;
        // Past every touched position up to here, and as it was: the rest is as it was too.
        while (k + 1 < at.length && comparePositions(at[k + 1] as Position, slot.raw) <= 0) k++;
        if (same && comparePositions(slot.raw, at[k] as Position) >= 0) break;
      }
      k = i === list.length ? at.length : k + 1;
    }
  }
}
