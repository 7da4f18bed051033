/**
 * The framework-free core: a Flask session cookie ⇄ a plain JS session, through the same codec
 * the panel uses (so the bytes are Flask's) and the codec's one value mapping (so untouched
 * tuples, datetimes, UUIDs, Markup and floats go back as they came).
 */
import {
  CodecError,
  type DecodeResult,
  type Dict,
  decodeCookie,
  fromPlain,
  isDict,
  type KeyUsed,
  type PlainObject,
  type Status,
  signSession,
  toPlain,
  type Value,
} from "../../codec";
import { sessionSetCookie } from "./cookieHeader";
import { type FlaskSessionOptions, type ResolvedOptions, resolveOptions } from "./options";

/** A session as the JS code holds it (see docs/value-mapping.md for the value types). */
export type FlaskSession = PlainObject;

export interface LoadedFlaskSession {
  /** The codec's verdict, as the CLI prints it: `valid`, `bad_signature`, `expired`, `bad_payload`, `malformed`… */
  status: Status;
  /** The session, or `{}` when Flask would not accept the cookie. */
  session: FlaskSession;
  /** When it was signed (Unix seconds), where the signature verified. */
  timestamp: number | null;
  /** Which secret verified it: `"secret"` or `"fallback:N"`; null when none did. */
  key: KeyUsed | null;
  /** One sentence saying what happened, for logs. */
  detail: string;
}

/** Decoding result with the faithful value kept, for the request-level bookkeeping. */
export interface Opened {
  loaded: LoadedFlaskSession;
  /** What the cookie held (an empty dict when it was not accepted). */
  original: Dict;
}

const ACCEPTED: ReadonlySet<Status> = new Set(["valid", "valid_legacy"]);

export function openFlaskCookie(value: string, opts: ResolvedOptions): Opened {
  const r: DecodeResult = decodeCookie("flask", value, {
    secret: opts.secret,
    fallbacks: opts.fallbacks,
    salt: opts.salt,
    maxAge: opts.maxAge,
    now: opts.now(),
  });
  const accepted = ACCEPTED.has(r.status) && r.data !== undefined && isDict(r.data);
  const original: Dict = accepted ? (r.data as Dict) : new Map();
  return {
    original,
    loaded: {
      status: r.status,
      session: toPlain(original) as FlaskSession,
      // A timestamp Flask accepts is within Python's datetime range, so it is a plain number.
      timestamp: accepted && r.timestamp !== null ? Number(r.timestamp) : null,
      key: accepted ? r.key : null,
      detail: r.detail,
    },
  };
}

/** Reads a `session` cookie's value as Flask's `open_session` would. Never throws for a bad cookie. */
export function loadFlaskSession(value: string, options: FlaskSessionOptions): LoadedFlaskSession {
  return openFlaskCookie(value, resolveOptions(options)).loaded;
}

/** The JS session as a faithful dict; a clear error when it is not one. */
export function sessionValue(session: unknown, previous?: object): Dict {
  if (session === null || typeof session !== "object" || Array.isArray(session)) {
    throw new CodecError("unencodable", "The session must be an object (Flask keeps a dict).");
  }
  const value: Value = fromPlain(session, previous);
  if (!isDict(value))
    throw new CodecError("unencodable", "The session must be an object (Flask keeps a dict).");
  return value;
}

export function signFlask(value: Dict, opts: ResolvedOptions, now: number): string {
  return signSession("flask", value, {
    secret: opts.secret,
    salt: opts.salt,
    timestamp: Math.floor(now),
  }).value;
}

/**
 * The cookie value Flask's `save_session` writes for this session, signed with `secret` (never a
 * fallback) at the clock's time. Throws SessionTooLargeError past the browser limit, and a
 * CodecError for a value a session cannot hold.
 */
export function dumpFlaskSession(session: FlaskSession, options: FlaskSessionOptions): string {
  const opts = resolveOptions(options);
  const now = opts.now();
  const data = sessionValue(session);
  const value = signFlask(data, opts, now);
  // The size check, over the Set-Cookie the middleware would write (Expires for a permanent one).
  sessionSetCookie(value, opts, isPermanent(data) ? Math.floor(now) + opts.maxAge : null);
  return value;
}

/** Python truthiness, for `session.permanent` (`bool(session.get("_permanent"))`). */
function truthy(v: Value | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (typeof v !== "object") return true;
  switch (v.kind) {
    case "float":
      return v.value !== 0;
    case "bigint":
      return v.value !== 0n;
    case "tuple":
      return v.items.length > 0;
    case "bytes":
      return v.bytes.length > 0;
    case "markup":
      return v.value !== "";
    default:
      return true;
  }
}

export function isPermanent(session: Dict): boolean {
  return truthy(session.get("_permanent"));
}
