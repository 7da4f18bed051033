/**
 * Turns a cookie from either browser's cookies API into the panel's `BrowserCookie`: the same
 * fields in both, `partitionKey` only when the cookie is partitioned (Firefox reports
 * `partitionKey: null`-ish objects for unpartitioned ones, Chrome omits it), and
 * `firstPartyDomain` only when Firefox's first-party isolation set one.
 */
import type { Cookies } from "webextension-polyfill";
import type { BrowserCookie } from "../../../model/cookie";

const SAME_SITE = new Set<BrowserCookie["sameSite"]>(["no_restriction", "lax", "strict"]);

export function normaliseCookie(cookie: Cookies.Cookie): BrowserCookie {
  const sameSite = SAME_SITE.has(cookie.sameSite as BrowserCookie["sameSite"])
    ? (cookie.sameSite as BrowserCookie["sameSite"])
    : "unspecified";
  const normalised: BrowserCookie = {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    hostOnly: cookie.hostOnly,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite,
    session: cookie.session,
    storeId: cookie.storeId,
  };
  if (cookie.expirationDate !== undefined) normalised.expirationDate = cookie.expirationDate;
  const partition = cookie.partitionKey;
  if (partition?.topLevelSite) {
    normalised.partitionKey = { topLevelSite: partition.topLevelSite };
    const crossSite = (partition as { hasCrossSiteAncestor?: boolean }).hasCrossSiteAncestor;
    if (crossSite !== undefined) normalised.partitionKey.hasCrossSiteAncestor = crossSite;
  }
  // Firefox reports "" when first-party isolation is off; Chrome has no such field.
  const firstParty = (cookie as { firstPartyDomain?: string }).firstPartyDomain;
  if (firstParty) normalised.firstPartyDomain = firstParty;
  return normalised;
}
