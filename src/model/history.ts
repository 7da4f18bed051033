/**
 * The undo history of panel writes: per site (origin) and per cookie (its key), the cookies as
 * they were before each write, newest first and bounded. Every write — a restore too — pushes
 * what it replaced, so restoring is itself undoable. Pure; the background keeps it in
 * storage.local and the inline fake host in memory.
 */
import { type BrowserCookie, cookieKey } from "./cookie";
import type { CookieWrite } from "./cookieWrite";

export interface HistoryEntry {
  /** ms since epoch: when the write that replaced these cookies was made. */
  at: number;
  /** The cookies as they were (the session cookie first, then its `.sig` companion if any). */
  cookies: BrowserCookie[];
}

/** Per cookie key, newest first. */
export type SiteHistory = Record<string, HistoryEntry[]>;

export const MAX_HISTORY = 20;

/** The key a write's history is filed under: its first cookie (the session, not the `.sig`). */
export function historyKeyOf(writes: readonly CookieWrite[]): string | null {
  const first = writes[0];
  return first ? cookieKey(first.next) : null;
}

/** The history after a successful write of `writes` at `at`. */
export function pushHistory(
  history: SiteHistory,
  writes: readonly CookieWrite[],
  at: number,
): SiteHistory {
  const key = historyKeyOf(writes);
  const before = writes.map((w) => w.current).filter((c): c is BrowserCookie => c !== null);
  if (key === null || before.length === 0) return history;
  const entries = [{ at, cookies: before }, ...(history[key] ?? [])].slice(0, MAX_HISTORY);
  return { ...history, [key]: entries };
}

/** The writes that put an entry's cookies back, over whatever the jar holds now. */
export function restoreWrites(entry: HistoryEntry, jar: readonly BrowserCookie[]): CookieWrite[] {
  return entry.cookies.map((old) => ({
    current: jar.find((c) => cookieKey(c) === cookieKey(old)) ?? null,
    next: old,
  }));
}
