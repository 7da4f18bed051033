/**
 * What the background records for an inspected tab: cookie changes (cookies.onChanged) and
 * Set-Cookie headers seen in responses (devtools network). Both carry a per-tab sequence
 * number from one counter, so records made in the same millisecond keep their order and a
 * reader that missed some can ask for "everything after seq N".
 */
import type { BrowserCookie } from "./cookie";

export interface CookieChange {
  /** Per-tab sequence number, shared with SetCookieSeen; increasing in arrival order. */
  seq: number;
  /** ms since epoch, when the browser reported it */
  at: number;
  removed: boolean;
  /** cookies.onChanged cause: explicit | overwrite | expired | evicted | expired_overwrite */
  cause: string;
  cookie: BrowserCookie;
  /**
   * Set when Session Lens itself made this change (a panel write or undo), so a timeline can
   * tell it from the apps' own writes. Absent for every other change.
   */
  byPanel?: true;
}

/** A request as the HAR entry describes it: its own start and duration, not when we heard of it. */
export interface RequestTiming {
  url: string;
  method: string;
  status: number;
  /** HAR `startedDateTime`, ms since epoch. */
  startedAt: number;
  /** HAR `time`: ms from start to the end of the response. */
  durationMs: number;
}

/** A response's Set-Cookie headers (HttpOnly ones included), in the order the response sent them. */
export interface SetCookieSeen {
  /**
   * Per-tab sequence number, shared with CookieChange. One number is reserved per header: the
   * header at index i is write `seq + i` in the timeline.
   */
  seq: number;
  request: RequestTiming;
  setCookies: string[];
}

/** A record before the background numbers it. */
export type Unnumbered<T extends { seq: number }> = Omit<T, "seq">;
