/**
 * `sessionlens/flask`: the framework-free core. Reads and writes Flask's own session cookie with
 * the codec the Session Lens panel uses, so a cookie written here is byte-identical to Flask's.
 * No Node built-ins: it runs on Node, Deno, Bun, edge runtimes and in a browser.
 */

export type { KeyUsed, Plain, PlainObject, Secret, Status } from "../codec";
export { CodecError } from "../codec";
export {
  MAX_COOKIE_SIZE,
  readCookie,
  SessionTooLargeError,
} from "./flask/cookieHeader";
export type { CookieAttributes, FlaskSessionOptions, SameSite } from "./flask/options";
export { type ResolvedOptions, resolveOptions } from "./flask/options";
export {
  RequestSession,
  type SessionHeaders,
  type SessionStatus,
  varyWithCookie,
} from "./flask/requestSession";
export {
  dumpFlaskSession,
  type FlaskSession,
  type LoadedFlaskSession,
  loadFlaskSession,
} from "./flask/session";
