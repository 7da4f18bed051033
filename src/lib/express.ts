/**
 * `sessionlens/express`: Flask's session for Express 4 and 5. `req.session` is the session as a
 * plain object, `req.sessionStatus` why a cookie was not accepted. The cookie is added when the
 * response head is written (the `res.writeHead` every response goes through, as on-headers
 * does), so routes change the session right up to `res.send`. A session that cannot be written
 * (too large, or holding a function…) throws from there, which Express turns into a 500 for a
 * synchronous route or a promise-returning one on Express 5.
 *
 * Typed structurally, so neither express nor @types/express is needed to import it.
 */
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

type HeaderValue = number | string | readonly string[] | undefined;

/** The parts of Node's `IncomingMessage` this middleware reads. */
export interface SessionRequest {
  headers: { cookie?: string | undefined };
  session?: FlaskSession | null;
  sessionStatus?: SessionStatus;
}
/** The parts of Node's `ServerResponse` this middleware uses. */
export interface SessionResponse {
  // biome-ignore lint/suspicious/noExplicitAny: writeHead's overloads are forwarded unchanged
  writeHead: (...args: any[]) => any;
  getHeader(name: string): HeaderValue;
  setHeader(name: string, value: number | string | readonly string[]): unknown;
}

declare global {
  // Express's own hook for request properties (@types/express-serve-static-core merges it).
  namespace Express {
    interface Request {
      session: FlaskSession;
      sessionStatus: SessionStatus;
    }
  }
}

function addSetCookie(res: SessionResponse, line: string): void {
  const prev = res.getHeader("Set-Cookie");
  const list = prev === undefined ? [] : Array.isArray(prev) ? [...prev] : [String(prev)];
  res.setHeader("Set-Cookie", [...list, line]);
}

export function flaskSession(
  options: FlaskSessionOptions,
): (req: SessionRequest, res: SessionResponse, next: (err?: unknown) => void) => void {
  const opts = resolveOptions(options);
  return (req, res, next) => {
    const state = new RequestSession(req.headers.cookie, opts);
    Object.defineProperty(req, "session", {
      configurable: true,
      enumerable: true,
      get: () => state.session,
      set: (value: unknown) => {
        state.session = value;
      },
    });
    req.sessionStatus = state.status;
    const writeHead = res.writeHead;
    res.writeHead = function (this: SessionResponse, ...args: unknown[]) {
      res.writeHead = writeHead; // once; an error page after a throw here goes straight through
      const { setCookie, vary } = state.finish();
      if (setCookie !== null) addSetCookie(res, setCookie);
      if (vary) {
        const prev = res.getHeader("Vary");
        res.setHeader("Vary", varyWithCookie(prev === undefined ? undefined : String(prev)));
      }
      return writeHead.apply(this, args);
    };
    next();
  };
}
