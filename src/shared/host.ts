/**
 * What the panel needs from the browser, as one interface. The extension shell implements it
 * over the typed message protocol (background does all cookie access: Firefox gives the panel
 * no cookies API); the inline shell implements it in memory for UI tests and UI work.
 * Keeping the panel behind this seam is what lets the same UI run in both.
 */
import type { CodecOptions, FormatId } from "../codec/types";

/** A cookie as the cookies API reports it, normalised across Chrome and Firefox. */
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
}

/** Cookies are identified by (name, domain, path, partition), never by name alone. */
export function cookieKey(
  c: Pick<BrowserCookie, "name" | "domain" | "path" | "partitionKey">,
): string {
  return [c.name, c.domain, c.path, c.partitionKey?.topLevelSite ?? ""].join("\u0000");
}

export interface CookieChange {
  /** ms since epoch, when the browser reported it */
  at: number;
  removed: boolean;
  /** cookies.onChanged cause: explicit | overwrite | expired | evicted | expired_overwrite */
  cause: string;
  cookie: BrowserCookie;
}

/** A Set-Cookie seen in a response (devtools network), HttpOnly ones included. */
export interface SetCookieSeen {
  at: number;
  url: string;
  method: string;
  status: number;
  setCookies: string[];
}

export type CookieListing =
  | { kind: "ok"; url: string; cookies: BrowserCookie[] }
  | { kind: "no-permission"; url: string; origin: string }
  | { kind: "unsupported-page"; url: string; reason: string };

/** A secret as stored: text, or hex for binary keys. Never sent anywhere but storage.local. */
export interface StoredSecret {
  value: string;
  encoding: "utf8" | "hex";
}

/** One app that shares the cookie. */
export interface Side {
  id: string;
  label: string;
  format: FormatId;
  cookieName: string;
  /** URL path prefix that belongs to this app, e.g. `/flask-application`; `/` for the root app. */
  pathPrefix: string;
  secret?: StoredSecret;
  fallbacks: StoredSecret[];
  /** Format options other than secrets and clock. */
  options: Pick<
    CodecOptions,
    "salt" | "keyDerivation" | "digest" | "maxAge" | "sortKeys" | "ensureAscii" | "untagged"
  >;
}

export type HostEvent =
  | { type: "cookies-changed"; changes: CookieChange[] }
  | { type: "navigated"; url: string }
  | { type: "set-cookie-seen"; seen: SetCookieSeen };

export interface PanelHost {
  /** The inspected page's cookies: all paths, parent domains, partitions, its cookie store. */
  listCookies(): Promise<CookieListing>;
  /**
   * A listing made before the panel loaded (the devtools page lists when DevTools opens), for
   * the first rows only: `listCookies` is still asked and wins. Null when there is none.
   */
  handedOffListing?(): Promise<CookieListing | null>;
  /** Asks for host access to an origin; must be called from a user gesture. */
  requestHostPermission(origin: string): Promise<boolean>;
  /** Recorded cookie changes for the inspected tab (survive a sleeping service worker). */
  recentChanges(): Promise<CookieChange[]>;
  subscribe(listener: (event: HostEvent) => void): () => void;
  loadSides(origin: string): Promise<Side[]>;
  saveSides(origin: string, sides: Side[]): Promise<void>;
  /** Devtools theme. */
  theme(): "light" | "dark";
}
