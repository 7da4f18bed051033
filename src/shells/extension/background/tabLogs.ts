/**
 * Per-tab bounded logs in storage.session: cookie changes (for `recent-changes`) and
 * Set-Cookie sightings from the devtools page (replayed to a panel that opens after the
 * response arrived — Chrome loads a panel only when it is first shown). Both are numbered
 * from one per-tab counter (see src/model/change.ts).
 */
import type { CookieChange, SetCookieSeen, Unnumbered } from "../../../model/change";
import { appendNumbered, readSession } from "./sessionStore";

/** The timeline's ring: the last few thousand records per tab (storage.session holds 10 MB). */
const MAX_CHANGES = 3000;
const MAX_SEEN = 3000;

/** The storage.session keys of one tab's logs (removed together when the tab closes). */
export function tabLogKeys(tabId: number): string[] {
  return [`changes:${tabId}`, `seen:${tabId}`, `seq:${tabId}`];
}

export function recordChange(
  tabId: number,
  change: Unnumbered<CookieChange>,
): Promise<CookieChange> {
  return appendNumbered(`changes:${tabId}`, `seq:${tabId}`, change, MAX_CHANGES);
}

/** The recorded changes numbered after `afterSeq` (all of them by default). */
export async function recentChanges(tabId: number, afterSeq = 0): Promise<CookieChange[]> {
  const changes = await readSession<CookieChange[]>(`changes:${tabId}`, []);
  return changes.filter((change) => change.seq > afterSeq);
}

export function recordSeen(tabId: number, seen: Unnumbered<SetCookieSeen>): Promise<SetCookieSeen> {
  // One number per Set-Cookie header, so each write in the timeline has its own seq.
  return appendNumbered(`seen:${tabId}`, `seq:${tabId}`, seen, MAX_SEEN, seen.setCookies.length);
}

export function recentSeen(tabId: number): Promise<SetCookieSeen[]> {
  return readSession<SetCookieSeen[]>(`seen:${tabId}`, []);
}
