/**
 * The timeline of session-cookie writes, from the same inputs in the panel (background ring of
 * changes and Set-Cookie sightings) and the CLI (a HAR file): capture → attribute and diff →
 * detect. Pure: no browser or Node API, so both shells and the tests run this one copy.
 */
import { detectFormats } from "../codec";
import type { Side } from "../model/side";
import { analyseWrites, ReadingCache, type TimelineWrite } from "./analyse";
import { type CaptureInput, captureWrites, type Tracked } from "./capture";
import type { Finding } from "./detectors/types";
import { detectFindings } from "./findings";

export type { TimelineWrite } from "./analyse";
export { ReadingCache } from "./analyse";
export type { Finding, FindingKind } from "./detectors/types";
export { FINDING_KINDS } from "./detectors/types";
export { writingRequestPath } from "./writingRequest";

export interface Timeline {
  writes: TimelineWrite[];
  findings: Finding[];
}

/** Session cookies: a declared side's cookie name, or a value shaped like a signed session. */
export function sessionCookies(sides: readonly Side[]): Tracked {
  const names = new Set(sides.map((s) => s.cookieName));
  const shaped = new Set<string>();
  return (name, value) => {
    if (names.has(name) || shaped.has(name)) return true;
    if (name.endsWith(".sig")) return false;
    if (detectFormats(value, { name }).length === 0) return false;
    shaped.add(name);
    return true;
  };
}

export function buildTimeline(
  input: CaptureInput,
  sides: readonly Side[],
  cache: ReadingCache = new ReadingCache(sides),
): Timeline {
  const tracked = sessionCookies(sides);
  const writes = analyseWrites(captureWrites(input, tracked), cache, (w) => w.companionSig);
  return { writes, findings: detectFindings(writes, sides) };
}
