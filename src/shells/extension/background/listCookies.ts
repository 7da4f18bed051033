/**
 * Answers `list-cookies`: every cookie the inspected page can receive, plus the ones that
 * shadow or are shadowed by them — all paths on the host and its parent domains, partitioned
 * (CHIPS) cookies with their partition key — from the tab's own cookie store. Several
 * `cookies.getAll` queries overlap, so the result is deduplicated by cookie key.
 */
import browser, { type Cookies, type Tabs } from "webextension-polyfill";
import type { BrowserCookie, CookieListing } from "../../../model/cookie";
import { originPermissionPattern } from "../../../shared/protocol";
import {
  dedupeCookies,
  pageReceives,
  registrableDomain,
  topLevelSite,
  unsupportedReason,
} from "./cookieScope";
import { cookieStoreForTab } from "./cookieStoreForTab";
import { normaliseCookie } from "./normaliseCookie";
import { trackTab } from "./tracking";

/** How long a listing waits for the tabs API to catch up with a navigation DevTools reported. */
const TAB_CATCH_UP_MS = 1000;
const TAB_POLL_MS = 25;

const originOf = (url: string | undefined) =>
  url && URL.canParse(url) ? new URL(url).origin : null;

/**
 * The tab, once the tabs API shows the page `pageUrl` names (the panel passes where DevTools saw
 * the page navigate). DevTools' navigated event and the tab's new URL travel apart, so right
 * after a navigation tabs.get can still give the old page; listing (and tracking) that lost
 * every cookie the new page set. If the named page never shows up, the tabs API is believed.
 */
async function tabShowing(tabId: number, pageUrl: string | undefined): Promise<Tabs.Tab> {
  let tab = await browser.tabs.get(tabId);
  const wanted = originOf(pageUrl);
  const deadline = Date.now() + TAB_CATCH_UP_MS;
  while (wanted && tab.url && originOf(tab.url) !== wanted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, TAB_POLL_MS));
    tab = await browser.tabs.get(tabId);
  }
  return tab;
}

export async function listCookies(tabId: number, pageUrl?: string): Promise<CookieListing> {
  const tab = await tabShowing(tabId, pageUrl);
  // Without host access the browser hides the tab's URL; devtools still knows it.
  const url = tab.url ?? pageUrl ?? "";
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed) return { kind: "unsupported-page", url, reason: "the page has no URL yet" };
  const reason = unsupportedReason(parsed);
  if (reason) return { kind: "unsupported-page", url, reason };
  const origin = parsed.origin;
  const [granted, storeId] = await Promise.all([
    tab.url
      ? browser.permissions.contains({ origins: [originPermissionPattern(origin)] })
      : Promise.resolve(false),
    cookieStoreForTab(tab),
  ]);
  if (!granted) return { kind: "no-permission", url, origin };
  // The host is tracked before its cookies are read: a change made after this reaches the
  // panel (its read is queued behind this write, see sessionStore), and one made before is in
  // what gather reads. Tracked only after, a cookie the page set right after a navigation to
  // another host was in neither, and the panel never showed it. Neither write is awaited: the
  // panel's first render waits on this answer, and the queue keeps them in order.
  const track = (names: string[]) =>
    trackTab(tabId, { host: parsed.hostname, storeId: storeId ?? "", names }).catch(
      () => undefined,
    );
  void track([]);
  const cookies = await gather(parsed, storeId);
  void track(cookies.map((c) => c.name));
  return { kind: "ok", url, cookies };
}

async function gather(url: URL, storeId: string | undefined): Promise<BrowserCookie[]> {
  // Firefox with first-party isolation on refuses a query that does not name a first party;
  // null names them all (and is harmless with it off), then keptForTopLevelHost picks ours.
  const store = {
    ...(storeId ? { storeId } : {}),
    ...(isFirefox() ? { firstPartyDomain: null } : {}),
  };
  const href = url.href;
  const domain = registrableDomain(url.hostname);
  const queries: Cookies.GetAllDetailsType[] = [
    { url: href, ...store },
    { domain, ...store },
    // Firefox: an empty partition key means "every partition"; Chrome needs the top-level site.
    { domain, partitionKey: isFirefox() ? {} : { topLevelSite: topLevelSite(url) }, ...store },
  ];
  const results = await Promise.all(queries.map(getAllOrNothing));
  const applies = (cookie: BrowserCookie) => pageReceives(cookie, url.hostname);
  return dedupeCookies(results.flat().map(normaliseCookie).filter(applies));
}

/** A query the browser rejects (an older browser, an odd partition key) adds nothing. */
async function getAllOrNothing(details: Cookies.GetAllDetailsType): Promise<Cookies.Cookie[]> {
  try {
    return await browser.cookies.getAll(details);
  } catch {
    return [];
  }
}

function isFirefox(): boolean {
  return browser.runtime.getURL("").startsWith("moz-extension:");
}
