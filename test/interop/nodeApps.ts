/**
 * Real express apps with the real `cookie-session` and `express-session` middleware, on
 * 127.0.0.1 port 0, for the Node interop tests. Keys/secrets come per request in headers so
 * random properties need only one server; cookies go in explicit Cookie headers (no jar).
 *
 * The packages ship no types and the project has no @types for them, so they are loaded with
 * createRequire and given the few signatures used here.
 */

import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

interface Req extends IncomingMessage {
  body: string;
  get(header: string): string | undefined;
  session: Record<string, unknown> | null;
  sessionID: string;
}
interface Res extends ServerResponse {
  status(code: number): Res;
  type(type: string): Res;
  send(body: string): Res;
}
type Next = (err?: unknown) => void;
type Handler = (req: Req, res: Res, next: Next) => void;
interface ExpressApp {
  use(handler: Handler): void;
  get(path: string, ...handlers: Handler[]): void;
  post(path: string, ...handlers: Handler[]): void;
  listen(port: number, host: string, callback: () => void): Server;
}
interface ExpressModule {
  (): ExpressApp;
  text(options: { type: string }): Handler;
}
interface SessionMiddleware extends Handler {}
interface ExpressSessionModule {
  (options: Record<string, unknown>): SessionMiddleware;
  MemoryStore: new () => { setMaxListeners(n: number): void };
}

const require = createRequire(import.meta.url);
const express = require("express") as ExpressModule;
const cookieSession = require("cookie-session") as (options: Record<string, unknown>) => Handler;
const expressSession = require("express-session") as ExpressSessionModule;

export interface NodeApps {
  url: string;
  close(): Promise<void>;
}

const json = (res: Res, body: unknown) => res.type("json").send(JSON.stringify(body));

function mountCookieSession(app: ExpressApp): void {
  // x-keys: JSON list of keys, newest first (keygrip order).
  const withKeys: Handler = (req, res, next) =>
    cookieSession({ name: "session", keys: JSON.parse(req.get("x-keys") ?? "[]") })(req, res, next);
  app.post("/cs/set", express.text({ type: "*/*" }), withKeys, (req, res) => {
    req.session = JSON.parse(req.body) as Record<string, unknown>;
    res.status(204).send("");
  });
  app.get("/cs/read", withKeys, (req, res) => json(res, { session: req.session }));
  // signed: false: no keys, no NAME.sig
  const unsigned = cookieSession({ name: "session", signed: false });
  app.post("/cs-unsigned/set", express.text({ type: "*/*" }), unsigned, (req, res) => {
    req.session = JSON.parse(req.body) as Record<string, unknown>;
    res.status(204).send("");
  });
  app.get("/cs-unsigned/read", unsigned, (req, res) => json(res, { session: req.session }));
}

function mountExpressSession(app: ExpressApp): void {
  const store = new expressSession.MemoryStore();
  store.setMaxListeners(0); // one middleware per secrets list, all sharing this store
  const bySecrets = new Map<string, SessionMiddleware>();
  // x-secrets: JSON list of secrets, the first signs. /es/mint's body is {"id", "data"}: genid
  // takes the id from it (a header could not carry non-ASCII ids).
  const withSecrets: Handler = (req, res, next) => {
    const secrets = req.get("x-secrets") ?? "[]";
    let middleware = bySecrets.get(secrets);
    if (!middleware) {
      middleware = expressSession({
        secret: JSON.parse(secrets),
        store,
        resave: false,
        saveUninitialized: false,
        genid: (r: Req) =>
          typeof r.body === "string" ? (JSON.parse(r.body) as { id: string }).id : randomUUID(),
      });
      bySecrets.set(secrets, middleware);
    }
    middleware(req, res, next);
  };
  app.post("/es/mint", express.text({ type: "*/*" }), withSecrets, (req, res) => {
    req.session!.data = (JSON.parse(req.body) as { data: unknown }).data;
    res.status(204).send("");
  });
  app.get("/es/read", withSecrets, (req, res) =>
    json(res, { id: req.sessionID, data: req.session?.data ?? null }),
  );
}

export async function startNodeApps(): Promise<NodeApps> {
  const app = express();
  mountCookieSession(app);
  mountExpressSession(app);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** JSON with every non-ASCII character \u-escaped: fit for a header, same value for JSON.parse. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** `name=value` of each Set-Cookie header, value exactly as sent. */
export function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    out.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return out;
}
