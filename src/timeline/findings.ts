/**
 * Every detector over one timeline, newest finding first (ties: the later evidence first).
 */
import type { Side } from "../model/side";
import type { TimelineWrite } from "./analyse";
import { concurrentRaces } from "./detectors/concurrent";
import { crossSideOverwrites } from "./detectors/crossSide";
import { deletingWrites } from "./detectors/deleting";
import { doubleSetCookies } from "./detectors/doubleSetCookie";
import { oversizeWrites } from "./detectors/oversize";
import { resignEveryResponse } from "./detectors/resign";
import { shadowedCookies } from "./detectors/shadowed";
import type { Finding } from "./detectors/types";

export function detectFindings(
  writes: readonly TimelineWrite[],
  sides: readonly Side[],
): Finding[] {
  const all = [
    ...crossSideOverwrites(writes),
    ...resignEveryResponse(writes),
    ...doubleSetCookies(writes),
    ...concurrentRaces(writes),
    ...deletingWrites(writes),
    ...oversizeWrites(writes),
    ...shadowedCookies(writes, sides),
  ];
  const last = (f: Finding) => f.evidence[f.evidence.length - 1] ?? 0;
  return all.sort((a, b) => b.at - a.at || last(b) - last(a));
}
