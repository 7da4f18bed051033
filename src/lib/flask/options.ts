/**
 * The library's options (one set for every entry point) and their Flask defaults. Defaults that
 * are codec facts — cookie name, max-age, salt — are read from the codec's format table, never
 * written here again. Options are checked once, when the middleware is made, so a typo fails at
 * start-up with a sentence instead of on the first request.
 */
import { FORMAT_INFO, type Secret } from "../../codec";

export type SameSite = "Strict" | "Lax" | "None";

/** Flask's SESSION_COOKIE_* settings. */
export interface CookieAttributes {
  /** SESSION_COOKIE_PATH; default `/` (APPLICATION_ROOT). */
  path?: string;
  /** SESSION_COOKIE_DOMAIN; default none (host-only). */
  domain?: string;
  /** SESSION_COOKIE_SECURE; default false. */
  secure?: boolean;
  /** SESSION_COOKIE_HTTPONLY; default true. */
  httpOnly?: boolean;
  /** SESSION_COOKIE_SAMESITE; default none. Any letter case. */
  sameSite?: SameSite | "strict" | "lax" | "none";
  /** SESSION_COOKIE_PARTITIONED (Flask 3.1); default false. */
  partitioned?: boolean;
}

export interface FlaskSessionOptions {
  /** SECRET_KEY: text (UTF-8) or raw bytes. Required. */
  secret: Secret;
  /** SECRET_KEY_FALLBACKS: older keys that still verify, never sign. */
  fallbacks?: readonly Secret[];
  /** SESSION_COOKIE_NAME; default `session`. */
  cookieName?: string;
  /** The signer's salt; default `cookie-session`. */
  salt?: string;
  /** PERMANENT_SESSION_LIFETIME in seconds: how long a signature stays valid, and a permanent cookie's Expires. */
  maxAge?: number;
  cookie?: CookieAttributes;
  /** SESSION_REFRESH_EACH_REQUEST: re-send a permanent session's cookie on every response; default true. */
  refreshEachRequest?: boolean;
  /** The clock, in Unix seconds; default `Date.now() / 1000`. For tests and byte-exact checks. */
  now?: () => number;
}

export interface ResolvedOptions {
  secret: Secret;
  fallbacks: Secret[];
  cookieName: string;
  salt: string | undefined;
  maxAge: number;
  cookie: Required<Omit<CookieAttributes, "domain" | "sameSite">> & {
    domain: string | undefined;
    sameSite: SameSite | undefined;
  };
  refreshEachRequest: boolean;
  now: () => number;
}

const FLASK = FORMAT_INFO.flask;
/** RFC 6265 token: what a cookie name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What may stand in Path and Domain without ending the attribute. */
const ATTRIBUTE_TEXT = /^[\x21-\x3a\x3c-\x7e]*$/;

function fail(message: string): never {
  throw new TypeError(`sessionlens: ${message}`);
}

function isSecret(s: unknown): s is Secret {
  return (typeof s === "string" && s.length > 0) || (s instanceof Uint8Array && s.length > 0);
}

export function resolveOptions(options: FlaskSessionOptions): ResolvedOptions {
  if (options === null || typeof options !== "object")
    fail("options must be an object with a secret.");
  const o = options;
  if (!isSecret(o.secret)) {
    fail("`secret` is required: Flask's SECRET_KEY, a non-empty string or Uint8Array.");
  }
  const fallbacks = [...(o.fallbacks ?? [])];
  fallbacks.forEach((f, i) => {
    if (!isSecret(f)) fail(`fallbacks[${i}] must be a non-empty string or Uint8Array.`);
  });
  const cookieName = o.cookieName ?? FLASK.defaultCookieName;
  if (!TOKEN.test(cookieName))
    fail(`cookieName ${JSON.stringify(cookieName)} is not a valid cookie name.`);
  const maxAge = o.maxAge ?? (FLASK.defaultMaxAge as number);
  if (!Number.isFinite(maxAge)) fail(`maxAge must be a number of seconds, not ${String(maxAge)}.`);
  if (o.salt !== undefined && typeof o.salt !== "string") fail("salt must be a string.");
  const c = o.cookie ?? {};
  const path = c.path ?? "/";
  if (!ATTRIBUTE_TEXT.test(path))
    fail(`cookie.path ${JSON.stringify(path)} holds a character a cookie attribute cannot.`);
  if (c.domain !== undefined && (c.domain === "" || !ATTRIBUTE_TEXT.test(c.domain))) {
    fail(`cookie.domain ${JSON.stringify(c.domain)} is not a domain.`);
  }
  return {
    secret: o.secret,
    fallbacks,
    cookieName,
    salt: o.salt,
    maxAge: Math.trunc(maxAge), // Flask: int(permanent_session_lifetime.total_seconds())
    cookie: {
      path,
      domain: c.domain,
      secure: c.secure ?? false,
      httpOnly: c.httpOnly ?? true,
      sameSite: sameSiteOf(c.sameSite),
      partitioned: c.partitioned ?? false,
    },
    refreshEachRequest: o.refreshEachRequest ?? true,
    now: o.now ?? (() => Date.now() / 1000),
  };
}

function sameSiteOf(value: CookieAttributes["sameSite"]): SameSite | undefined {
  if (value === undefined) return undefined;
  const title = `${String(value).charAt(0).toUpperCase()}${String(value).slice(1).toLowerCase()}`;
  if (title === "Strict" || title === "Lax" || title === "None") return title;
  return fail(`cookie.sameSite must be "Strict", "Lax" or "None", not ${JSON.stringify(value)}.`);
}
