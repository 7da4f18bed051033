/**
 * Words for a cookie's own attributes, as the browser stores them: shared by the cookie table's
 * optional columns and the selected cookie's attributes block, so both say the same thing.
 */
import type { BrowserCookie } from "../model/cookie";
import { formatDuration } from "./duration";

const SAME_SITE: Record<BrowserCookie["sameSite"], string> = {
  no_restriction: "None",
  lax: "Lax",
  strict: "Strict",
  unspecified: "unset (browser default)",
};

export function sameSiteText(cookie: BrowserCookie): string {
  return SAME_SITE[cookie.sameSite];
}

/** `2026-01-15T03:25:45Z`, or null past what a Date holds. */
function isoUtc(unixSeconds: number): string | null {
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function persistent(cookie: BrowserCookie): number | null {
  return cookie.session || cookie.expirationDate === undefined ? null : cookie.expirationDate;
}

/** A table cell's worth: "session" or `2026-01-15 03:25 UTC`. */
export function expiresShort(cookie: BrowserCookie): string {
  const at = persistent(cookie);
  if (at === null) return "session";
  const iso = isoUtc(at);
  return iso === null ? `Unix time ${at}` : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The whole story: a browser-session cookie, or when it expires and how far away that is. */
export function expiresText(cookie: BrowserCookie, nowSeconds: number): string {
  const at = persistent(cookie);
  if (at === null) return "browser session (deleted when the browser closes)";
  const when = isoUtc(at) ?? `Unix time ${at}`;
  const delta = at - nowSeconds;
  return delta >= 0
    ? `${when} (in ${formatDuration(delta)})`
    : `${when} (${formatDuration(delta)} ago)`;
}

export function domainText(cookie: BrowserCookie): string {
  return cookie.hostOnly ? `${cookie.domain} (host-only)` : `${cookie.domain} (and its subdomains)`;
}

export function partitionText(cookie: BrowserCookie): string {
  const key = cookie.partitionKey;
  if (!key) return "no";
  const site = key.topLevelSite ?? "(no top-level site)";
  return key.hasCrossSiteAncestor ? `yes: ${site} (cross-site ancestor)` : `yes: ${site}`;
}

export const yesNo = (flag: boolean) => (flag ? "yes" : "no");
