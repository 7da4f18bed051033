/**
 * `sessionlens/hono`: Flask's session for Hono, on Web-standard APIs only (Request, Response,
 * Headers), so it runs wherever Hono does: Node, Deno, Bun, edge runtimes. `c.get("session")`
 * is the session as a plain object (replace it with `c.set("session", …)`), and
 * `c.get("sessionStatus")` why a cookie was not accepted. The cookie is written after the
 * handler; a session that cannot be written throws there, which Hono's `onError` answers.
 */
import type { MiddlewareHandler } from "hono";
import {
  type FlaskSession,
  RequestSession,
  resolveOptions,
  type SessionStatus,
  varyWithCookie,
} from "./flask";
import type { FlaskSessionOptions } from "./flask/options";

export { CodecError, SessionTooLargeError } from "./flask";
export type { FlaskSession, FlaskSessionOptions, SessionStatus };

/** What the middleware puts in the context: `c.get("session")`, `c.get("sessionStatus")`. */
export interface FlaskSessionVariables {
  session: FlaskSession;
  sessionStatus: SessionStatus;
}

export function flaskSession(
  options: FlaskSessionOptions,
): MiddlewareHandler<{ Variables: FlaskSessionVariables }> {
  const opts = resolveOptions(options);
  return async (c, next) => {
    const state = new RequestSession(c.req.header("Cookie"), opts);
    const given = state.session as FlaskSession;
    c.set("session", given);
    c.set("sessionStatus", state.status);
    await next();
    const now = c.get("session");
    if (now !== given) state.session = now;
    const { setCookie, vary } = state.finish();
    if (setCookie !== null) c.header("Set-Cookie", setCookie, { append: true });
    if (vary) c.header("Vary", varyWithCookie(c.res.headers.get("Vary")));
  };
}
