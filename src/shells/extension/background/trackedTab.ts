/**
 * The rule for which cookie changes a tracked tab records: same cookie store, a cookie the
 * tab's page receives (its host, and its site under Firefox's first-party isolation), and —
 * with its panel closed — only the names the panel last listed. Pure, so it is unit-tested
 * without a browser.
 */
import type { BrowserCookie } from "../../../model/cookie";
import { pageReceives } from "./cookieScope";

export interface TrackedTab {
  host: string;
  storeId: string;
  names: string[];
  panelOpen: boolean;
}

export function watches(tab: TrackedTab, cookie: BrowserCookie): boolean {
  if (tab.storeId && cookie.storeId && tab.storeId !== cookie.storeId) return false;
  if (!pageReceives(cookie, tab.host)) return false;
  return tab.panelOpen || tab.names.includes(cookie.name);
}
