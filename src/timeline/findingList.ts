/**
 * The findings in the order the panel lists them: newest first, ties by the later evidence,
 * then by detector and by the order that detector met them in the timeline (what a stable sort
 * of every detector's output, one after the other, gives). Each entry carries that order as a
 * key, so one finding comes or goes without sorting the thousands that stay.
 */
import type { Finding } from "./detectors/types";

export interface FindingEntry {
  finding: Finding;
  key: readonly number[];
}

/** `detector` is its place in FINDING_KINDS' list order; `within` its order inside that detector. */
export function findingEntry(finding: Finding, detector: number, within: number[]): FindingEntry {
  const last = finding.evidence[finding.evidence.length - 1] ?? 0;
  return { finding, key: [-finding.at, -last, detector, ...within] };
}

function compare(a: FindingEntry, b: FindingEntry): number {
  const n = Math.max(a.key.length, b.key.length);
  for (let i = 0; i < n; i++) {
    const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** First index whose entry sorts at or after (`after`: strictly after) `e`. */
function bound(list: readonly FindingEntry[], e: FindingEntry, after: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = compare(list[mid] as FindingEntry, e);
    if (d < 0 || (after && d === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Past this many edits at once, one merge beats an insertion each. */
const MERGE_AT = 64;

export class FindingList {
  private entries: FindingEntry[] = [];
  private readonly added = new Set<FindingEntry>();
  private readonly removed = new Set<FindingEntry>();

  add(e: FindingEntry): void {
    if (!this.removed.delete(e)) this.added.add(e);
  }

  remove(e: FindingEntry): void {
    if (!this.added.delete(e)) this.removed.add(e);
  }

  /** Applies the edits since the last call; false when there were none. */
  settle(): boolean {
    if (this.added.size + this.removed.size === 0) return false;
    if (this.added.size + this.removed.size > MERGE_AT) this.merge();
    else {
      for (const e of this.removed) {
        let i = bound(this.entries, e, false);
        while (i < this.entries.length && this.entries[i] !== e) i++;
        if (i < this.entries.length) this.entries.splice(i, 1);
      }
      for (const e of this.added) this.entries.splice(bound(this.entries, e, true), 0, e);
    }
    this.added.clear();
    this.removed.clear();
    return true;
  }

  findings(): Finding[] {
    return this.entries.map((e) => e.finding);
  }

  private merge(): void {
    const kept =
      this.removed.size > 0 ? this.entries.filter((e) => !this.removed.has(e)) : this.entries;
    const fresh = [...this.added].sort(compare);
    const out: FindingEntry[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length || j < fresh.length) {
      const a = kept[i];
      const b = fresh[j];
      if (b === undefined || (a !== undefined && compare(a, b) <= 0)) {
        out.push(a as FindingEntry);
        i++;
      } else {
        out.push(b);
        j++;
      }
    }
    this.entries = out;
  }
}
