/**
 * The session cookie on the wire, as werkzeug writes and reads it: `Set-Cookie` attributes in
 * `dump_cookie`'s order (Domain, Expires, Max-Age, Secure, HttpOnly, Partitioned, Path,
 * SameSite), deletion as `delete_cookie` does it (empty value, the epoch, Max-Age=0), and the
 * 4093-byte limit werkzeug measures over the whole `Set-Cookie` value (Flask's MAX_COOKIE_SIZE).
 */
import { httpDate } from "../../codec/typed";
import type { ResolvedOptions } from "./options";

/** werkzeug's `max_cookie_size` default (Flask's MAX_COOKIE_SIZE): bytes of name, value and attributes. */
export const MAX_COOKIE_SIZE = 4093;

/** Thrown when writing the session would make a cookie a browser silently drops. */
export class SessionTooLargeError extends Error {
  readonly size: number;
  readonly limit: number;
  constructor(name: string, size: number) {
    super(
      `The '${name}' session cookie would be ${size} bytes, over the ${MAX_COOKIE_SIZE}-byte limit browsers keep, so it was not written: keep less in the session.`,
    );
    this.name = "SessionTooLargeError";
    this.size = size;
    this.limit = MAX_COOKIE_SIZE;
  }
}

/** The first `name=value` in a Cookie header (werkzeug's `cookies.get` takes the first). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function attributes(opts: ResolvedOptions, expires: string | null, maxAge: string | null): string {
  const c = opts.cookie;
  let out = "";
  if (c.domain !== undefined) out += `; Domain=${c.domain}`;
  if (expires !== null) out += `; Expires=${expires}`;
  if (maxAge !== null) out += `; Max-Age=${maxAge}`;
  if (c.secure) out += "; Secure";
  if (c.httpOnly) out += "; HttpOnly";
  if (c.partitioned) out += "; Partitioned";
  out += `; Path=${c.path}`;
  if (c.sameSite !== undefined) out += `; SameSite=${c.sameSite}`;
  return out;
}

/** `Set-Cookie` for a session value; `expiresAt` (Unix seconds) for a permanent session. Throws SessionTooLargeError. */
export function sessionSetCookie(
  value: string,
  opts: ResolvedOptions,
  expiresAt: number | null,
): string {
  const line = `${opts.cookieName}=${value}${attributes(opts, expiresAt === null ? null : httpDate(expiresAt), null)}`;
  const size = line.length; // all ASCII: url-safe base64, checked attributes
  if (size > MAX_COOKIE_SIZE) throw new SessionTooLargeError(opts.cookieName, size);
  return line;
}

/** `Set-Cookie` that removes the session cookie, as Flask's `response.delete_cookie` writes it. */
export function sessionDeleteCookie(opts: ResolvedOptions): string {
  return `${opts.cookieName}=${attributes(opts, httpDate(0), "0")}`;
}
