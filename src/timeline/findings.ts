/**
 * Every detector over the timeline, kept up to date as rows change. A row's own findings
 * (cross-side, deleting, oversize, a double Set-Cookie on its response's last write, the
 * concurrent races it lost) depend on it and on a few rows before it of the same cookie key;
 * when a row changes, only the rows that can see it are looked at again: those whose previous
 * value runs through it and those whose request was in flight when it was applied. The
 * re-send groups are made again per touched key, and the shadowing scan per cookie name goes
 * on from its last row, or starts over when a row came or went before that.
 */
import type { Side } from "../model/side";
import type { TimelineWrite } from "./analyse";
import { concurrentRaces, start } from "./detectors/concurrent";
import { crossSideOverwrite } from "./detectors/crossSide";
import { deletingWrite } from "./detectors/deleting";
import { doubleSetCookie } from "./detectors/doubleSetCookie";
import { oversizeWrite } from "./detectors/oversize";
import { type ResignGroup, resentFrom, resignFinding, resignGroups } from "./detectors/resign";
import { superseded } from "./detectors/rows";
import { ShadowScan } from "./detectors/shadowed";
import { FINDING_KINDS, type Finding, type FindingKind } from "./detectors/types";
import { type FindingEntry, FindingList, findingEntry } from "./findingList";
import { comparePositions, type Jar, type JarChanges, type Slot, slotBound } from "./jar";

/** Ties are listed in FINDING_KINDS' order, as each detector's list once followed the last. */
const place = (kind: FindingKind) => FINDING_KINDS.indexOf(kind);

interface Shadow {
  scan: ShadowScan;
  /** Where the scan has got to. */
  last: Slot["raw"] | null;
  entries: FindingEntry[];
}

interface Group {
  group: ResignGroup;
  entry: FindingEntry;
}

function sameGroup(a: ResignGroup, b: ResignGroup): boolean {
  return (
    a.id === b.id &&
    a.permanent === b.permanent &&
    a.first === b.first &&
    a.rows.length === b.rows.length &&
    a.rows.every((r, i) => r === b.rows[i])
  );
}

function* newestFirst(list: readonly Slot[], before: number): Generator<TimelineWrite> {
  for (let j = before - 1; j >= 0; j--) yield (list[j] as Slot).row;
}

function indexOf(list: readonly Slot[], slot: Slot): number {
  let i = slotBound(list, slot.raw);
  while (i < list.length && list[i] !== slot) i++;
  return i;
}

export class FindingsEngine {
  readonly list = new FindingList();
  /** Per cookie key: the slots that re-send the row before them unchanged, in timeline order. */
  private readonly resends = new Map<string, Slot[]>();
  private readonly groups = new Map<string, Group[]>();
  private readonly shadows = new Map<string, Shadow>();
  /** The longest request seen: how far back a row's request can reach. */
  private longest = 0;

  constructor(
    private readonly sides: readonly Side[],
    private readonly jar: Jar,
  ) {}

  apply({ changed, inserted, removed }: JarChanges): void {
    const dirty = new Set<Slot>();
    const keys = new Set<string>();
    const rescan = new Map<string, boolean>();
    for (const s of inserted) {
      this.longest = Math.max(this.longest, s.raw.request?.durationMs ?? 0);
      const name = s.raw.identity.name;
      const last = this.shadows.get(name)?.last;
      const before = last != null && comparePositions(s.raw, last) <= 0;
      rescan.set(name, (rescan.get(name) ?? false) || before);
    }
    for (const s of removed) {
      for (const e of s.own) this.list.remove(e);
      s.own = [];
      if (s.resignPrev) this.leaveResends(s);
      keys.add(s.raw.key);
      rescan.set(s.raw.identity.name, true);
    }
    const touched = new Map<string, { changed: Slot[]; removed: Slot[] }>();
    const of = (key: string) => {
      let t = touched.get(key);
      if (!t) {
        t = { changed: [], removed: [] };
        touched.set(key, t);
      }
      return t;
    };
    for (const s of changed) of(s.raw.key).changed.push(s);
    for (const s of removed) of(s.raw.key).removed.push(s);
    for (const [key, t] of touched) {
      const list = this.jar.byKey.get(key) ?? [];
      if (t.changed.length > list.length / 4) {
        for (const s of list) dirty.add(s);
        continue;
      }
      for (const s of t.changed) {
        dirty.add(s);
        const after = indexOf(list, s) + 1;
        this.spread(list, after, s.raw.at, dirty);
        this.lastOfResponse(list, after, s.row, dirty);
      }
      for (const s of t.removed) this.spread(list, slotBound(list, s.raw), s.raw.at, dirty);
    }
    for (const s of dirty) this.remake(s, keys);
    for (const key of keys) this.regroup(key);
    for (const [name, again] of rescan) this.shadow(name, again);
    this.list.settle();
  }

  /** Marks the rows after index `from` whose findings can see a row applied at `at`. */
  private spread(list: readonly Slot[], from: number, at: number, dirty: Set<Slot>): void {
    // Their previous value runs through it (up to the first stored, not superseded row).
    for (let j = from; j < list.length; j++) {
      const t = list[j] as Slot;
      dirty.add(t);
      if (!t.row.oversize && !superseded(t.row)) break;
    }
    // Their request was in flight when it was applied.
    for (let j = from; j < list.length; j++) {
      const t = list[j] as Slot;
      if (t.row.at - this.longest >= at) break;
      if (start(t.row) < at) dirty.add(t);
    }
  }

  /** The write that carries its response's double-set-cookie finding. */
  private lastOfResponse(list: readonly Slot[], from: number, w: TimelineWrite, dirty: Set<Slot>) {
    const lastSeq = w.sameResponse[w.sameResponse.length - 1];
    if (w.sameResponse.length < 2 || lastSeq === w.seq) return;
    for (let j = from; j < list.length && (list[j] as Slot).raw.at === w.at; j++) {
      if ((list[j] as Slot).raw.seq === lastSeq) dirty.add(list[j] as Slot);
    }
  }

  private remake(s: Slot, keys: Set<string>): void {
    for (const e of s.own) this.list.remove(e);
    const w = s.row;
    const { bySeq } = this.jar;
    const own: FindingEntry[] = [];
    const add = (f: Finding | null) => {
      if (f) own.push(findingEntry(f, place(f.kind), [w.at, w.seq]));
    };
    add(crossSideOverwrite(w, bySeq));
    add(doubleSetCookie(w, bySeq));
    if (w.request) {
      const list = this.jar.byKey.get(w.key) ?? [];
      for (const { finding, early } of concurrentRaces(w, newestFirst(list, indexOf(list, s)))) {
        // One late row's races are listed newest evidence first.
        own.push(findingEntry(finding, place(finding.kind), [w.at, w.seq, -early.at, -early.seq]));
      }
    }
    add(deletingWrite(w, bySeq));
    add(oversizeWrite(w));
    for (const e of own) this.list.add(e);
    s.own = own;
    const prev = resentFrom(w, bySeq);
    if (prev !== null || s.resignPrev !== null) keys.add(w.key);
    if (prev !== null && s.resignPrev === null) {
      const list = this.resends.get(w.key) ?? [];
      list.splice(slotBound(list, s.raw, true), 0, s);
      this.resends.set(w.key, list);
    } else if (prev === null && s.resignPrev !== null) this.leaveResends(s);
    s.resignPrev = prev;
  }

  private leaveResends(s: Slot): void {
    const list = this.resends.get(s.raw.key);
    if (!list) return;
    const i = indexOf(list, s);
    if (i < list.length) list.splice(i, 1);
    if (list.length === 0) this.resends.delete(s.raw.key);
    s.resignPrev = null;
  }

  private regroup(key: string): void {
    const resends = (this.resends.get(key) ?? []).map((s) => ({
      w: s.row,
      prev: s.resignPrev as TimelineWrite,
    }));
    const old = this.groups.get(key) ?? [];
    const next = resignGroups(resends).map((group): Group => {
      const kept = old.find((o) => sameGroup(o.group, group));
      if (kept) return kept;
      const finding = resignFinding(group);
      return {
        group,
        entry: findingEntry(finding, place(finding.kind), [group.first.at, group.first.seq]),
      };
    });
    for (const o of old) if (!next.includes(o)) this.list.remove(o.entry);
    for (const n of next) if (!old.includes(n)) this.list.add(n.entry);
    if (next.length > 0) this.groups.set(key, next);
    else this.groups.delete(key);
  }

  private shadow(name: string, again: boolean): void {
    const list = this.jar.byName.get(name) ?? [];
    let state = this.shadows.get(name);
    if ((this.jar.keysOfName.get(name) ?? 0) < 2) {
      // One cookie of this name: nothing can shadow it. Scanned afresh once a second one comes.
      for (const e of state?.entries ?? []) this.list.remove(e);
      this.shadows.delete(name);
      return;
    }
    let from = 0;
    if (!state || again) {
      for (const e of state?.entries ?? []) this.list.remove(e);
      state = { scan: new ShadowScan(this.sides), last: null, entries: [] };
    } else if (state.last) from = slotBound(list, state.last, true);
    for (let j = from; j < list.length; j++) {
      const slot = list[j] as Slot;
      const w = slot.row;
      const f = state.scan.push(w);
      if (f) {
        const e = findingEntry(f, place(f.kind), [w.at, w.seq]);
        state.entries.push(e);
        this.list.add(e);
      }
      state.last = slot.raw;
    }
    this.shadows.set(name, state);
  }
}
