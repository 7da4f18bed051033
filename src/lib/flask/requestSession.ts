/**
 * One request's session, framework-free: what the Express and Hono adapters share. It follows
 * Flask's `SecureCookieSessionInterface`: open the cookie (a bad one gives an empty session),
 * note whether the app read the session (`Vary: Cookie`), and at response time write only
 * when the session changed, or when it is permanent and refreshEachRequest is on; an emptied
 * session deletes the cookie. "Changed" is judged on the data (the codec's `sameValue` against
 * what was read), so nested edits count too and assigning the same value is no change.
 */
import { type Dict, type Status, sameValue } from "../../codec";
import { readCookie, sessionDeleteCookie, sessionSetCookie } from "./cookieHeader";
import type { ResolvedOptions } from "./options";
import {
  type FlaskSession,
  isPermanent,
  openFlaskCookie,
  sessionValue,
  signFlask,
} from "./session";

/** The codec's status, or `absent` when the request had no session cookie. */
export type SessionStatus = Status | "absent";

export interface SessionHeaders {
  /** A `Set-Cookie` value to append, or null to leave the cookie alone. */
  setCookie: string | null;
  /** Whether to add `Cookie` to `Vary`. */
  vary: boolean;
}

export class RequestSession {
  readonly status: SessionStatus;
  readonly detail: string;
  private readonly original: Dict;
  private readonly target: FlaskSession;
  private readonly proxy: FlaskSession;
  private current: unknown;
  private accessed = false;
  private finished = false;

  constructor(
    cookieHeader: string | null | undefined,
    private readonly opts: ResolvedOptions,
  ) {
    const value = readCookie(cookieHeader, opts.cookieName);
    const opened = value === undefined ? null : openFlaskCookie(value, opts);
    this.status = opened?.loaded.status ?? "absent";
    this.detail = opened?.loaded.detail ?? `The request has no '${opts.cookieName}' cookie.`;
    this.original = opened?.original ?? new Map();
    this.target = opened?.loaded.session ?? {};
    this.proxy = this.watch(this.target);
    this.current = this.proxy;
  }

  /** A proxy that notes any read or write, as Flask's `session.accessed`. */
  private watch(target: FlaskSession): FlaskSession {
    const touch = () => {
      this.accessed = true;
    };
    const handler: ProxyHandler<FlaskSession> = {};
    for (const trap of [
      "get",
      "set",
      "has",
      "deleteProperty",
      "ownKeys",
      "getOwnPropertyDescriptor",
      "defineProperty",
    ] as const) {
      // biome-ignore lint/suspicious/noExplicitAny: each trap forwards its own arguments to Reflect unchanged
      (handler as any)[trap] = (...args: unknown[]) => {
        touch();
        // biome-ignore lint/suspicious/noExplicitAny: as above
        return (Reflect as any)[trap](...args);
      };
    }
    return new Proxy(target, handler);
  }

  /** The session the app sees (`req.session`, `c.get("session")`). */
  get session(): unknown {
    return this.current;
  }

  /** The app replaced the session; `null`/`undefined` clears it, as `session.clear()` would. */
  set session(next: unknown) {
    this.accessed = true;
    this.current = next ?? {};
  }

  /**
   * What to add to the response, computed once (a second call, e.g. from an error page after a
   * throw here, adds nothing). Throws SessionTooLargeError or a CodecError for a session that
   * cannot be written, before anything is set.
   */
  finish(): SessionHeaders {
    if (this.finished) return { setCookie: null, vary: false };
    this.finished = true;
    const replaced = this.current !== this.proxy;
    const value = replaced ? sessionValue(this.current, this.target) : sessionValue(this.target);
    const modified = !sameValue(value, this.original);
    if (value.size === 0) {
      return modified
        ? { setCookie: sessionDeleteCookie(this.opts), vary: true }
        : { setCookie: null, vary: this.accessed };
    }
    const permanent = isPermanent(value);
    if (!modified && !(permanent && this.opts.refreshEachRequest)) {
      return { setCookie: null, vary: this.accessed };
    }
    const now = this.opts.now();
    const cookie = signFlask(value, this.opts, now);
    const expiresAt = permanent ? Math.floor(now) + this.opts.maxAge : null;
    return { setCookie: sessionSetCookie(cookie, this.opts, expiresAt), vary: true };
  }
}

/** `Vary` with `Cookie` added once (any letter case counts), as werkzeug's `vary.add`. */
export function varyWithCookie(existing: string | null | undefined): string {
  if (!existing) return "Cookie";
  const parts = existing.split(",").map((p) => p.trim().toLowerCase());
  return parts.includes("cookie") || parts.includes("*") ? existing : `${existing}, Cookie`;
}
