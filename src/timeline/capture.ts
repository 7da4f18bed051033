/**
 * Capture: joins what the browser told us into one list of writes. A response's Set-Cookie
 * headers (devtools network or a HAR file) say which request wrote what, in header order;
 * cookies.onChanged says what the jar actually did, including writes no visible request made
 * (page script, the panel's editor, requests from before DevTools opened) and removals with
 * their cause. An update arrives from cookies.onChanged as a removal (cause `overwrite`) then
 * an insert: the pair is one write. An insert that matches a header write (same key, same
 * value) confirms it instead of adding a row. Writes are keyed by (name, domain, path,
 * partition), never by name alone.
 */
import type { CookieChange, RequestTiming, SetCookieSeen } from "../model/change";
import { type CookieIdentity, cookieKey } from "../model/cookie";
import { deletes, parseSetCookie, type SetCookieHeader } from "./setCookieHeader";

export interface RawWrite {
  /** Header writes: the sighting's seq plus the header's index; others: the change's seq. */
  seq: number;
  /** ms since epoch: when the browser applied it (a request's end; a change's arrival). */
  at: number;
  identity: CookieIdentity;
  key: string;
  value: string;
  deleted: boolean;
  /** cookies.onChanged cause of a removal no header explains (expired, evicted, explicit…). */
  cause: string | null;
  request: RequestTiming | null;
  header: SetCookieHeader | null;
  /** The other header writes of the same cookie in the same response, by seq (this one included). */
  sameResponse: number[];
  byPanel: boolean;
  /** cookies.onChanged confirmed it (true), never did (false), or there is no change feed (null). */
  confirmed: boolean | null;
  /** cookie-session's `NAME.sig` companion written with it (same response or change batch). */
  companionSig?: string;
}

export interface CaptureInput {
  seen: readonly SetCookieSeen[];
  changes: readonly CookieChange[];
  /** False when there is no cookies.onChanged feed at all (a HAR file). */
  hasChangeFeed: boolean;
}

/** Which cookies are session cookies worth a row (by name and a value seen for it). */
export type Tracked = (name: string, value: string) => boolean;

function headerWrites(seen: SetCookieSeen, tracked: Tracked, hasFeed: boolean): RawWrite[] {
  const end = seen.request.startedAt + seen.request.durationMs;
  const writes: RawWrite[] = [];
  seen.setCookies.forEach((text, index) => {
    const header = parseSetCookie(text, seen.request.url);
    if (!header || !tracked(header.name, header.value)) return;
    const deleted = deletes(header, end) || header.value === "";
    writes.push({
      seq: seen.seq + index,
      at: end,
      identity: header.identity,
      key: cookieKey(header.identity),
      value: deleted ? "" : header.value,
      deleted,
      cause: null,
      request: seen.request,
      header,
      sameResponse: [],
      byPanel: false,
      confirmed: hasFeed ? false : null,
    });
  });
  const sigs = seen.setCookies.map((text) => parseSetCookie(text, seen.request.url));
  for (const w of writes) {
    w.sameResponse = writes.filter((o) => o.key === w.key).map((o) => o.seq);
    const sig = sigs.find(
      (h) => h?.name === `${w.identity.name}.sig` && h.identity.path === w.identity.path,
    );
    if (sig) w.companionSig = sig.value;
  }
  return writes;
}

function changeWrite(change: CookieChange): RawWrite {
  const { cookie } = change;
  const identity: CookieIdentity = { name: cookie.name, domain: cookie.domain, path: cookie.path };
  if (cookie.partitionKey) identity.partitionKey = cookie.partitionKey;
  return {
    seq: change.seq,
    at: change.at,
    identity,
    key: cookieKey(identity),
    value: change.removed ? "" : cookie.value,
    deleted: change.removed,
    cause: change.removed ? change.cause : null,
    request: null,
    header: null,
    sameResponse: [],
    byPanel: change.byPanel === true,
    confirmed: true,
  };
}

const OVERWRITE_CAUSES = new Set(["overwrite", "expired_overwrite"]);

/** The writes, in the order the browser applied them (time, then seq). */
export function captureWrites(input: CaptureInput, tracked: Tracked): RawWrite[] {
  const fromHeaders = [...input.seen]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((s) => headerWrites(s, tracked, input.hasChangeFeed));
  const unmatched = new Map<string, RawWrite[]>();
  for (const w of fromHeaders) {
    const list = unmatched.get(w.key) ?? [];
    list.push(w);
    unmatched.set(w.key, list);
  }
  const changes = [...input.changes].sort((a, b) => a.seq - b.seq);
  const fromChanges: RawWrite[] = [];
  changes.forEach((change, i) => {
    if (!tracked(change.cookie.name, change.cookie.value)) return;
    const write = changeWrite(change);
    const next = changes[i + 1];
    const sig = changes
      .slice(Math.max(0, i - 3), i + 4)
      .find(
        (c) =>
          !c.removed &&
          c.cookie.name === `${write.identity.name}.sig` &&
          c.cookie.path === write.identity.path,
      );
    if (sig) write.companionSig = sig.cookie.value;
    // removal + insert of the same cookie = one update; the insert stands for both.
    if (change.removed && OVERWRITE_CAUSES.has(change.cause) && next && !next.removed) {
      if (cookieKey(next.cookie) === write.key) return;
    }
    const candidates = unmatched.get(write.key) ?? [];
    const match = candidates.findIndex(
      (h) => h.deleted === write.deleted && h.value === write.value,
    );
    const header = candidates[match];
    if (header) {
      candidates.splice(match, 1);
      header.confirmed = true;
      header.byPanel = header.byPanel || write.byPanel;
      return;
    }
    fromChanges.push(write);
  });
  return [...fromHeaders, ...fromChanges].sort((a, b) => a.at - b.at || a.seq - b.seq);
}
