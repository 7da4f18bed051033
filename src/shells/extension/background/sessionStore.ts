/**
 * Read-modify-write on `storage.session`, one update at a time. The service worker (or
 * Firefox event page) is stopped when idle, so anything the panel may ask for later — tracked
 * tabs, cookie changes, Set-Cookie sightings — lives here rather than in memory. Updates are
 * chained so two events arriving together cannot overwrite each other's write, and reads wait
 * for the updates queued before them, so a reader always sees the writes started before it.
 */
import browser from "webextension-polyfill";

let queue: Promise<unknown> = Promise.resolve();

/** Runs `step` after every step queued before it; a failed step does not stop the queue. */
function inOrder<T>(step: () => Promise<T>): Promise<T> {
  const next = queue.then(step);
  queue = next.catch(() => undefined);
  return next;
}

async function readNow<T>(key: string, fallback: T): Promise<T> {
  const stored = await browser.storage.session.get(key);
  return (stored[key] as T | undefined) ?? fallback;
}

export function readSession<T>(key: string, fallback: T): Promise<T> {
  return inOrder(() => readNow(key, fallback));
}

export function updateSession<T>(key: string, fallback: T, change: (current: T) => T): Promise<T> {
  return inOrder(async () => {
    const updated = change(await readNow(key, fallback));
    await browser.storage.session.set({ [key]: updated });
    return updated;
  });
}

export function removeSession(keys: string[]): Promise<void> {
  return inOrder(() => browser.storage.session.remove(keys));
}

/**
 * Numbers `item` from the counter at `counterKey` and appends it to a bounded list, in one
 * queued step, so two records arriving together can never share or swap a number. `width`
 * numbers are reserved (seq … seq+width−1): a response's Set-Cookie headers get one each.
 */
export function appendNumbered<T extends { seq: number }>(
  key: string,
  counterKey: string,
  item: Omit<T, "seq">,
  limit: number,
  width = 1,
): Promise<T> {
  return inOrder(async () => {
    const seq = (await readNow(counterKey, 0)) + 1;
    const numbered = { ...item, seq } as T;
    const list = [...(await readNow<T[]>(key, [])), numbered].slice(-limit);
    await browser.storage.session.set({ [key]: list, [counterKey]: seq + Math.max(width, 1) - 1 });
    return numbered;
  });
}

/** Appends to a bounded list, dropping the oldest entries past `limit`. */
export function appendBounded<T>(key: string, items: T[], limit: number): Promise<T[]> {
  return updateSession<T[]>(key, [], (current) => [...current, ...items].slice(-limit));
}
