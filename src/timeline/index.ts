/**
 * The timeline of session-cookie writes, from the same inputs in the panel (background ring of
 * changes and Set-Cookie sightings) and the CLI (a HAR file): capture → attribute and diff →
 * detect, one record at a time (builder.ts). Pure: no browser or Node API, so both shells and
 * the tests run this one copy.
 */

export type { TimelineWrite } from "./analyse";
export { ReadingCache } from "./analyse";
export { buildTimeline, sessionCookies, type Timeline, TimelineBuilder } from "./builder";
export type { Finding, FindingKind } from "./detectors/types";
export { FINDING_KINDS } from "./detectors/types";
export { writingRequestPath } from "./writingRequest";
