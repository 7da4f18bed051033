/**
 * The live timeline: every cookie change and Set-Cookie sighting the host reports for the
 * inspected tab (the background's storage.session ring, so a sleeping background loses none),
 * joined and analysed by the pure core. Kept in App, so it fills while another view is shown.
 * Records are merged by seq (a replay after a reconnect repeats some) and bounded like the
 * background's ring. One TimelineBuilder per sides list takes the ring as it moves, so one
 * more write costs that write (and the rows it can change), not a build of the whole ring.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { CookieChange, SetCookieSeen } from "../../model/change";
import type { Side } from "../../model/side";
import type { HostEvent, PanelHost } from "../../shared/host";
import { type Timeline, TimelineBuilder } from "../../timeline";

/** As many as the background keeps per tab. */
export const TIMELINE_RING = 3000;

export interface TimelineRecords {
  changes: CookieChange[];
  seen: SetCookieSeen[];
}

function merge<T extends { seq: number }>(current: T[], more: readonly T[]): T[] {
  if (more.length === 0) return current;
  const known = new Set(current.map((r) => r.seq));
  const fresh = more.filter((r) => !known.has(r.seq));
  if (fresh.length === 0) return current;
  const all = [...current, ...fresh];
  const sorted = all.every((r, i) => i === 0 || (all[i - 1] as T).seq < r.seq)
    ? all
    : all.sort((a, b) => a.seq - b.seq);
  return sorted.length > TIMELINE_RING ? sorted.slice(-TIMELINE_RING) : sorted;
}

export function useTimelineRecords(host: PanelHost): TimelineRecords {
  const [records, setRecords] = useState<TimelineRecords>({ changes: [], seen: [] });
  useEffect(() => {
    let live = true;
    const onEvent = (event: HostEvent) => {
      if (event.type === "cookies-changed") {
        setRecords((r) => ({ ...r, changes: merge(r.changes, event.changes) }));
      } else if (event.type === "set-cookie-seen") {
        setRecords((r) => ({ ...r, seen: merge(r.seen, [event.seen]) }));
      }
    };
    const unsubscribe = host.subscribe(onEvent);
    void host
      .recentChanges()
      .then((changes) => {
        if (live) setRecords((r) => ({ ...r, changes: merge(r.changes, changes) }));
      })
      .catch(() => undefined); // the live events still come; an empty start is no error
    return () => {
      live = false;
      unsubscribe();
    };
  }, [host]);
  return records;
}

export function useTimeline(records: TimelineRecords, sides: readonly Side[]): Timeline {
  const builder = useMemo(() => new TimelineBuilder(sides), [sides]);
  return useMemo(() => builder.sync({ ...records, hasChangeFeed: true }), [records, builder]);
}
