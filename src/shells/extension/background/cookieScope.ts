/**
 * Pure rules for which cookies belong to a page: the page's host, its parent domains (whose
 * domain cookies the page also receives, and which can shadow host cookies of the same name),
 * its "site" for CHIPS partition keys, and which pages the extension cannot inspect at all.
 * No browser API here, so the rules are unit-tested in Node.
 */
import { type BrowserCookie, cookieKey } from "../../../model/cookie";

/** Two-letter second-level labels that are registries under a country TLD (co.uk, com.au…). */
const REGISTRY_SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne"]);

/** Pages whose cookies the browser keeps from extensions (extension stores). */
const STORE_HOSTS = new Set(["chromewebstore.google.com", "addons.mozilla.org"]);

export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

/**
 * The host and each parent domain down to a guess at the registrable domain. Without the
 * Public Suffix List this is a heuristic: `a.b.example.co.uk` → […, `example.co.uk`].
 */
export function parentDomainChain(host: string): string[] {
  const lower = host.toLowerCase();
  if (isIpAddress(lower) || !lower.includes(".")) return [lower];
  const labels = lower.split(".");
  const last = labels[labels.length - 1] ?? "";
  const second = labels[labels.length - 2] ?? "";
  const minLabels = last.length === 2 && REGISTRY_SECOND_LEVEL.has(second) ? 3 : 2;
  const chain: string[] = [];
  for (let i = 0; labels.length - i >= minLabels; i++) chain.push(labels.slice(i).join("."));
  return chain.length > 0 ? chain : [lower];
}

/** The shortest domain of the chain: one `cookies.getAll({domain})` on it returns a superset. */
export function registrableDomain(host: string): string {
  const chain = parentDomainChain(host);
  return chain[chain.length - 1] ?? host;
}

/** Lower case, without the brackets URL puts around IPv6 hosts (cookie domains may lack them). */
function bare(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
}

/** RFC 6265 domain-match: would a request to `host` carry this cookie (ignoring path)? */
export function cookieAppliesToHost(
  cookie: Pick<BrowserCookie, "domain" | "hostOnly">,
  host: string,
): boolean {
  const domain = bare(cookie.domain.replace(/^\./, ""));
  const lower = bare(host);
  if (domain === lower) return true;
  if (cookie.hostOnly || isIpAddress(lower)) return false;
  return lower.endsWith(`.${domain}`);
}

/**
 * Under Firefox's first-party isolation every cookie is kept for one top-level site, its
 * `firstPartyDomain` (the registrable domain, by the public suffix list): a page sees only
 * those kept for its own site. That domain is always the page's host or a parent of it, and no
 * other site's can be (it would be a public suffix), so the check needs no suffix list.
 */
export function keptForTopLevelHost(
  cookie: Pick<BrowserCookie, "firstPartyDomain">,
  host: string,
): boolean {
  if (!cookie.firstPartyDomain) return true;
  const firstParty = bare(cookie.firstPartyDomain);
  const lower = bare(host);
  return lower === firstParty || lower.endsWith(`.${firstParty}`);
}

/** Whether the top-level page on `host` receives this cookie: its domain and its first party. */
export function pageReceives(
  cookie: Pick<BrowserCookie, "domain" | "hostOnly" | "firstPartyDomain">,
  host: string,
): boolean {
  return cookieAppliesToHost(cookie, host) && keptForTopLevelHost(cookie, host);
}

/** The CHIPS top-level site for a page URL: scheme + registrable domain, no port. */
export function topLevelSite(url: URL): string {
  return `${url.protocol}//${registrableDomain(url.hostname)}`;
}

/** Why a page cannot be inspected, or null when it can. */
export function unsupportedReason(url: URL): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `${url.protocol.replace(/:$/, "")} pages have no web cookies`;
  }
  if (
    STORE_HOSTS.has(url.hostname) ||
    (url.hostname === "chrome.google.com" && url.pathname.startsWith("/webstore"))
  ) {
    return "the browser does not let extensions read the extension store's cookies";
  }
  return null;
}

/** Keeps the first of each (name, domain, path, partition); the order of `cookies` is kept. */
export function dedupeCookies(cookies: BrowserCookie[]): BrowserCookie[] {
  const seen = new Set<string>();
  return cookies.filter((cookie) => {
    const key = cookieKey(cookie);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
