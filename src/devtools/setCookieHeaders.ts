/**
 * Pulls the Set-Cookie headers out of a HAR entry from `devtools.network.onRequestFinished`.
 * HttpOnly cookies are included (the cookies API shows them too, but only this shows which
 * response set them). Browsers may fold several Set-Cookie headers into one value separated
 * by newlines, so those are split.
 */
import type { SetCookieSeen } from "../shared/host";

export interface HarEntryLike {
  request: { url: string; method: string };
  response: { status: number; headers: { name: string; value: string }[] };
}

export function setCookieSeen(entry: HarEntryLike, at: number): SetCookieSeen | null {
  const setCookies = entry.response.headers
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .flatMap((header) => header.value.split("\n"))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (setCookies.length === 0) return null;
  const { url, method } = entry.request;
  return { at, url, method, status: entry.response.status, setCookies };
}
