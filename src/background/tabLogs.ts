/**
 * Per-tab bounded logs in storage.session: cookie changes (for `recent-changes`) and
 * Set-Cookie sightings from the devtools page (replayed to a panel that opens after the
 * response arrived — Chrome loads a panel only when it is first shown).
 */
import type { CookieChange, SetCookieSeen } from "../shared/host";
import { appendBounded, readSession } from "./sessionStore";

const MAX_CHANGES = 200;
const MAX_SEEN = 50;

export function recordChange(tabId: number, change: CookieChange): Promise<CookieChange[]> {
  return appendBounded(`changes:${tabId}`, [change], MAX_CHANGES);
}

export function recentChanges(tabId: number): Promise<CookieChange[]> {
  return readSession<CookieChange[]>(`changes:${tabId}`, []);
}

export function recordSeen(tabId: number, seen: SetCookieSeen): Promise<SetCookieSeen[]> {
  return appendBounded(`seen:${tabId}`, [seen], MAX_SEEN);
}

export function recentSeen(tabId: number): Promise<SetCookieSeen[]> {
  return readSession<SetCookieSeen[]>(`seen:${tabId}`, []);
}
