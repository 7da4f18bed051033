/**
 * Writing a cookie back exactly as it was, with a new value: the pure half of `write-cookies`.
 * The background (cookies.set) and the inline fake host both call these, so the rules about
 * what a browser refuses, and how a read-back is judged, exist once. A write names the cookie
 * it replaces (`current`) and the whole cookie to leave in the jar (`next`: every attribute,
 * not just the value), so an undo is the same message with an older `next`.
 */
import type { BrowserCookie } from "./cookie";

export interface CookieWrite {
  /** The cookie this write replaces, as listed; null when there is none yet. */
  current: BrowserCookie | null;
  /** The cookie to leave in the jar: value and every attribute. */
  next: BrowserCookie;
}

export type WriteOutcome =
  /** `written`: the cookies as read back from the jar, in the order of the writes. */
  { ok: true; written: BrowserCookie[]; message: string } | { ok: false; reason: string };

/** The largest name + value a browser keeps (RFC 6265bis; Chrome and Firefox both enforce it). */
export const MAX_COOKIE_BYTES = 4096;

/** What `cookies.set` takes (Chrome and Firefox share these fields). */
export interface SetDetails {
  url: string;
  name: string;
  value: string;
  /** Only for domain cookies: a host-only cookie is written by leaving `domain` out. */
  domain?: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** Left out for "unspecified", which is what the browser then records. */
  sameSite?: "no_restriction" | "lax" | "strict";
  /** Left out for a browser-session cookie. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  /** Firefox only, and only for a cookie kept under first-party isolation. */
  firstPartyDomain?: string;
}

const bareHost = (domain: string) => domain.replace(/^\./, "");
const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host);
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLocalHost(host: string): boolean {
  return LOCAL_HOSTS.has(host) || host.endsWith(".localhost");
}

/** The `cookies.set` details that recreate `next` with all of its attributes. */
export function setDetails(next: BrowserCookie, pageUrl: string): SetDetails {
  const scheme = next.secure ? "https:" : new URL(pageUrl).protocol;
  const details: SetDetails = {
    url: `${scheme}//${urlHost(bareHost(next.domain))}${next.path}`,
    name: next.name,
    value: next.value,
    path: next.path,
    secure: next.secure,
    httpOnly: next.httpOnly,
    storeId: next.storeId,
  };
  if (!next.hostOnly) details.domain = next.domain;
  if (next.sameSite !== "unspecified") details.sameSite = next.sameSite;
  if (!next.session && next.expirationDate !== undefined) {
    details.expirationDate = next.expirationDate;
  }
  if (next.partitionKey) details.partitionKey = { ...next.partitionKey };
  if (next.firstPartyDomain) details.firstPartyDomain = next.firstPartyDomain;
  return details;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * Why a browser would refuse to store `next` from this page, in one sentence, or null. Checked
 * before anything is written, so a refused write of a pair leaves both cookies as they were.
 */
export function refusalReason(next: BrowserCookie, pageUrl: string): string | null {
  const bytes = utf8Length(next.name) + utf8Length(next.value);
  if (bytes > MAX_COOKIE_BYTES) {
    return `${next.name} would be ${bytes} bytes (name + value); browsers refuse a cookie over ${MAX_COOKIE_BYTES} bytes, so it was not written.`;
  }
  if (/[;\x00-\x1f\x7f]/.test(next.value)) {
    return `${next.name}'s value contains a semicolon or a control character, which a cookie value cannot hold.`;
  }
  const page = new URL(pageUrl);
  if (next.secure && page.protocol === "http:" && !isLocalHost(page.hostname)) {
    return `${next.name} is Secure but the page is served over http://${page.host}; browsers refuse Secure cookies from insecure origins (localhost excepted).`;
  }
  if (next.name.startsWith("__Host-")) {
    if (!next.secure || next.path !== "/" || !next.hostOnly) {
      return `${next.name}: a __Host- cookie must be Secure, have Path=/ and no Domain (host-only); the browser would refuse it.`;
    }
  } else if (next.name.startsWith("__Secure-") && !next.secure) {
    return `${next.name}: a __Secure- cookie must be Secure; the browser would refuse it.`;
  }
  if (next.partitionKey?.topLevelSite && !next.secure) {
    return `${next.name} is partitioned (CHIPS), and browsers keep partitioned cookies only when they are Secure.`;
  }
  return null;
}

/** How a read-back cookie differs from what was written, as a sentence, or null when it matches. */
export function readBackMismatch(
  next: BrowserCookie,
  got: BrowserCookie | undefined,
): string | null {
  if (!got) {
    return `The browser accepted the write of ${next.name} but has no such cookie afterwards (it was refused or dropped at once).`;
  }
  const differs: string[] = [];
  if (got.value !== next.value) differs.push("the value");
  if (got.httpOnly !== next.httpOnly) differs.push("HttpOnly");
  if (got.secure !== next.secure) differs.push("Secure");
  if (got.sameSite !== next.sameSite) differs.push(`SameSite (${got.sameSite})`);
  if (got.hostOnly !== next.hostOnly) differs.push("host-only");
  if (got.session !== next.session) differs.push("session/persistent");
  if (
    !next.session &&
    next.expirationDate !== undefined &&
    Math.abs((got.expirationDate ?? 0) - next.expirationDate) > 1
  ) {
    differs.push("the expiry");
  }
  const partition = (c: BrowserCookie) => c.partitionKey?.topLevelSite ?? "";
  if (partition(got) !== partition(next)) {
    differs.push(
      `the partition (${partition(got) || "none"} instead of ${partition(next) || "none"})`,
    );
  }
  if (differs.length === 0) return null;
  return `The browser stored ${next.name}, but not as written: ${differs.join(", ")} changed.`;
}

/** A one-line account of a successful write. */
export function writtenMessage(written: readonly BrowserCookie[]): string {
  const names = written.map((c) => c.name).join(" and ");
  const bytes = written.reduce((n, c) => n + utf8Length(c.name) + utf8Length(c.value), 0);
  return `Wrote ${names} (${bytes} bytes) and read it back unchanged, every attribute kept.`;
}
