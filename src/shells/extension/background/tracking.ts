/**
 * Which tabs the extension watches cookie changes for. A tab is tracked once its panel has
 * listed its cookies: then changes to the names listed are recorded even with the panel
 * closed, and every change on the tab's host while a panel is open. Kept in storage.session
 * because the background may be stopped between two events.
 */
import type { BrowserCookie } from "../../../model/cookie";
import { readSession, removeSession, updateSession } from "./sessionStore";
import { tabLogKeys } from "./tabLogs";
import { type TrackedTab, watches } from "./trackedTab";

type TrackedTabs = Record<string, TrackedTab>;

const KEY = "tracked-tabs";
/** More inspected tabs than anyone keeps open; the oldest are forgotten first. */
const MAX_TRACKED = 50;

export async function trackTab(
  tabId: number,
  seen: Pick<TrackedTab, "host" | "storeId" | "names">,
): Promise<void> {
  await updateSession<TrackedTabs>(KEY, {}, (tabs) => {
    const { [String(tabId)]: previous, ...others } = tabs;
    const sameHost = previous?.host === seen.host;
    const names = [...new Set([...(sameHost ? previous.names : []), ...seen.names])];
    const entries = Object.entries(others).slice(-(MAX_TRACKED - 1));
    const entry = { ...seen, names, panelOpen: previous?.panelOpen ?? true };
    return { ...Object.fromEntries(entries), [String(tabId)]: entry };
  });
}

export async function setPanelOpen(tabId: number, panelOpen: boolean): Promise<void> {
  await updateSession<TrackedTabs>(KEY, {}, (tabs) => {
    const entry = tabs[String(tabId)];
    return entry ? { ...tabs, [String(tabId)]: { ...entry, panelOpen } } : tabs;
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  await updateSession<TrackedTabs>(KEY, {}, ({ [String(tabId)]: _gone, ...rest }) => rest);
  await removeSession(tabLogKeys(tabId));
}

/** The tabs a cookie change matters to. */
export async function tabsWatching(cookie: BrowserCookie): Promise<number[]> {
  const tabs = await readSession<TrackedTabs>(KEY, {});
  return Object.entries(tabs)
    .filter(([, tab]) => watches(tab, cookie))
    .map(([tabId]) => Number(tabId));
}
