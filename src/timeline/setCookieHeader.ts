/**
 * One `Set-Cookie` header as the browser will apply it (RFC 6265 §5.2/§5.3): name, value, the
 * cookie's identity (a missing Path defaults to the request path's directory, a missing Domain
 * makes it host-only) and whether it deletes (Max-Age ≤ 0 or an Expires in the past). Pure, so
 * the panel and the CLI (reading a HAR) key writes the same way.
 */
import type { CookieIdentity } from "../model/cookie";
import { urlParts } from "./url";

export interface SetCookieHeader {
  name: string;
  value: string;
  identity: CookieIdentity;
  hostOnly: boolean;
  /** Max-Age in seconds when given (it wins over Expires). */
  maxAge: number | null;
  /** Expires as ms since epoch when given and readable. */
  expires: number | null;
  /** The attribute names present, lower-case (`httponly`, `secure`, `samesite`, …). */
  attributes: string[];
  /** The header as received. */
  raw: string;
}

/** RFC 6265 §5.1.4 default-path: the request path up to (not including) its last `/`. */
export function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith("/")) return "/";
  const last = requestPath.lastIndexOf("/");
  return last <= 0 ? "/" : requestPath.slice(0, last);
}

/** Parses one header for a request to `requestUrl`; null when it has no `name=`. */
export function parseSetCookie(header: string, requestUrl: string): SetCookieHeader | null {
  const [pair = "", ...parts] = header.split(";");
  const eq = pair.indexOf("=");
  if (eq <= 0) return null;
  const name = pair.slice(0, eq).trim();
  if (name === "") return null;
  const value = pair.slice(eq + 1).trim();
  const url = urlParts(requestUrl);
  let path: string | null = null;
  let domain: string | null = null;
  let maxAge: number | null = null;
  let expires: number | null = null;
  let partitioned = false;
  const attributes: string[] = [];
  for (const part of parts) {
    const at = part.indexOf("=");
    const key = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
    const val = at === -1 ? "" : part.slice(at + 1).trim();
    if (key === "") continue;
    attributes.push(key);
    if (key === "path" && val.startsWith("/")) path = val;
    else if (key === "domain" && val !== "") domain = val.replace(/^\./, "").toLowerCase();
    else if (key === "max-age" && /^-?\d+$/.test(val)) maxAge = Number(val);
    else if (key === "expires") {
      const ms = Date.parse(val);
      if (Number.isFinite(ms)) expires = ms;
    } else if (key === "partitioned") partitioned = true;
  }
  const host = url?.hostname ?? "";
  // The cookies API writes a Domain cookie's domain with a leading dot, a host-only one without.
  const identity: CookieIdentity = {
    name,
    domain: domain === null ? host : `.${domain}`,
    path: path ?? defaultPath(url?.pathname ?? "/"),
  };
  if (partitioned && url) identity.partitionKey = { topLevelSite: `${url.protocol}//${host}` };
  return {
    name,
    value,
    identity,
    hostOnly: domain === null,
    maxAge,
    expires,
    attributes,
    raw: header,
  };
}

/** Does applying this header at `at` (ms) remove the cookie rather than store it? */
export function deletes(header: SetCookieHeader, at: number): boolean {
  if (header.maxAge !== null) return header.maxAge <= 0;
  return header.expires !== null && header.expires <= at;
}

/** Is the cookie persistent (Max-Age or Expires), as Flask's permanent sessions are? */
export function persistent(header: SetCookieHeader): boolean {
  return header.maxAge !== null || header.expires !== null;
}
