/**
 * Pulls the Set-Cookie headers out of a HAR entry — one from `devtools.network.onRequestFinished`
 * or one read from a saved HAR file, which have the same shape. HttpOnly cookies are included
 * (the cookies API shows them too, but only this shows which response set them). Browsers may
 * fold several Set-Cookie headers into one value separated by newlines, so those are split.
 * The request's timing is the entry's own (`startedDateTime`, `time`): `onRequestFinished`
 * fires after the matching cookies.onChanged, so the time we hear of it says nothing.
 */
import type { SetCookieSeen, Unnumbered } from "./change";

export interface HarEntryLike {
  startedDateTime?: string;
  time?: number;
  request: { url: string; method: string };
  response: { status: number; headers: { name: string; value: string }[] };
}

export function setCookieSeen(
  entry: HarEntryLike,
  /** Used when the entry has no readable start time (ms since epoch). */
  fallbackStart: number,
): Unnumbered<SetCookieSeen> | null {
  const setCookies = entry.response.headers
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .flatMap((header) => header.value.split("\n"))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (setCookies.length === 0) return null;
  const started = entry.startedDateTime ? Date.parse(entry.startedDateTime) : Number.NaN;
  const time = entry.time;
  return {
    request: {
      url: entry.request.url,
      method: entry.request.method,
      status: entry.response.status,
      startedAt: Number.isFinite(started) ? started : fallbackStart,
      durationMs: typeof time === "number" && Number.isFinite(time) && time >= 0 ? time : 0,
    },
    setCookies,
  };
}
