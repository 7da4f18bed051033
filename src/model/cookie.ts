/**
 * A browser cookie as the cookies API reports it, normalised across Chrome and Firefox, and the
 * identity every other layer uses for it. Pure data: the panel, the background, the timeline
 * and the CLI (reading a HAR) all speak it.
 */

export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: "no_restriction" | "lax" | "strict" | "unspecified";
  session: boolean;
  expirationDate?: number;
  storeId: string;
  /** CHIPS partition (Chrome `partitionKey.topLevelSite`, Firefox `partitionKey.topLevelSite`). */
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  /**
   * Firefox with first-party isolation on (`privacy.firstparty.isolate`): the top-level site
   * the cookie is kept for. Absent otherwise; Firefox then refuses every cookies call that
   * does not name it, so writes and read-backs carry it.
   */
  firstPartyDomain?: string;
}

/**
 * A cookie as the browser lists one a local app set with no attributes but HttpOnly (host-only
 * on 127.0.0.1, path /, SameSite Lax, ends with the browser session), with the given fields
 * changed: the one template the inline shell and the tests build cookies from.
 */
export function browserCookie(over: Partial<BrowserCookie> = {}): BrowserCookie {
  return {
    name: "session",
    value: "",
    domain: "127.0.0.1",
    path: "/",
    hostOnly: true,
    secure: false,
    httpOnly: true,
    sameSite: "lax",
    session: true,
    storeId: "0",
    ...over,
  };
}

export type CookieIdentity = Pick<BrowserCookie, "name" | "domain" | "path" | "partitionKey">;

/** Cookies are identified by (name, domain, path, partition), never by name alone. */
export function cookieKey(c: CookieIdentity): string {
  return [c.name, c.domain, c.path, c.partitionKey?.topLevelSite ?? ""].join("\u0000");
}

/** What the background answers for the inspected page. */
export type CookieListing =
  | { kind: "ok"; url: string; cookies: BrowserCookie[] }
  | { kind: "no-permission"; url: string; origin: string }
  | { kind: "unsupported-page"; url: string; reason: string };
