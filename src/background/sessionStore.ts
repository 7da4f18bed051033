/**
 * Read-modify-write on `storage.session`, one update at a time. The service worker (or
 * Firefox event page) is stopped when idle, so anything the panel may ask for later — tracked
 * tabs, cookie changes, Set-Cookie sightings — lives here rather than in memory. Updates are
 * chained so two events arriving together cannot overwrite each other's write.
 */
import browser from "webextension-polyfill";

let queue: Promise<unknown> = Promise.resolve();

export async function readSession<T>(key: string, fallback: T): Promise<T> {
  const stored = await browser.storage.session.get(key);
  return (stored[key] as T | undefined) ?? fallback;
}

/** Reads after every update already queued, so a reader sees the writes started before it. */
export function readSessionInOrder<T>(key: string, fallback: T): Promise<T> {
  const next = queue.then(() => readSession(key, fallback));
  queue = next.catch(() => undefined);
  return next;
}

export function updateSession<T>(key: string, fallback: T, change: (current: T) => T): Promise<T> {
  const next = queue.then(async () => {
    const updated = change(await readSession(key, fallback));
    await browser.storage.session.set({ [key]: updated });
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

export function removeSession(keys: string[]): Promise<void> {
  const next = queue.then(() => browser.storage.session.remove(keys));
  queue = next.catch(() => undefined);
  return next;
}

/** Appends to a bounded list, dropping the oldest entries past `limit`. */
export function appendBounded<T>(key: string, items: T[], limit: number): Promise<T[]> {
  return updateSession<T[]>(key, [], (current) => [...current, ...items].slice(-limit));
}
