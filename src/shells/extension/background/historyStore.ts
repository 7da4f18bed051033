/**
 * The undo history of panel writes, per site, in storage.local (it must outlive the browser
 * session: an undo is most wanted after a restart). Cookie values are session data of local
 * development sites, never secrets of the extension; they stay on the machine all the same.
 */
import browser from "webextension-polyfill";
import type { CookieWrite } from "../../../model/cookieWrite";
import { type HistoryEntry, pushHistory, type SiteHistory } from "../../../model/history";

const keyFor = (origin: string) => `history:${origin}`;

let queue: Promise<unknown> = Promise.resolve();

async function load(origin: string): Promise<SiteHistory> {
  const key = keyFor(origin);
  const stored = await browser.storage.local.get(key);
  return (stored[key] as SiteHistory | undefined) ?? {};
}

export async function cookieHistory(origin: string, key: string): Promise<HistoryEntry[]> {
  await queue;
  return (await load(origin))[key] ?? [];
}

/** Files what `writes` replaced; writes for one site are applied one at a time. */
export function recordHistory(
  origin: string,
  writes: readonly CookieWrite[],
  at: number,
): Promise<void> {
  const step = queue.then(async () => {
    const next = pushHistory(await load(origin), writes, at);
    await browser.storage.local.set({ [keyFor(origin)]: next });
  });
  queue = step.catch(() => undefined);
  return step;
}
