/**
 * Which cookie store a tab uses. Firefox says so on the tab (`cookieStoreId`: containers,
 * private windows); Chrome only lists stores with their tab ids (incognito is a second store).
 */
import browser, { type Tabs } from "webextension-polyfill";

export async function cookieStoreForTab(tab: Tabs.Tab): Promise<string | undefined> {
  if (tab.cookieStoreId) return tab.cookieStoreId;
  const stores = await browser.cookies.getAllCookieStores();
  return stores.find((store) => tab.id !== undefined && store.tabIds.includes(tab.id))?.id;
}
