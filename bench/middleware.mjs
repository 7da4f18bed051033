/**
 * Per-request cost of the Express middleware (sessionlens/express, bundled as shipped) reading
 * and writing a typical login session, next to cookie-session and express-session (MemoryStore)
 * doing the same, in the same run. Each middleware gets a minimal request/response pair (the
 * parts of Node's IncomingMessage/ServerResponse they touch) and the same route: read `user`,
 * bump `counter`, end the response. No sockets, so the figure is the middleware's own work, not
 * the HTTP stack's, which is the same for all three. ratio = theirs / ours (> 1: ours is faster).
 */
import { createRequire } from "node:module";
import { importBundled } from "./cases.mjs";

const require = createRequire(import.meta.url);
const cookieSession = require("cookie-session");
const expressSession = require("express-session");

const ROUNDS = 7;
const ROUND_MS = 100;
const WARM_UP = 3000;
const SECRET = "bench-secret-key-0123456789";

async function loadLibrary() {
  const source = `export * as express from "./src/lib/express.ts"; export * as flask from "./src/lib/flask.ts";`;
  return (await importBundled(source)).module;
}

class FakeResponse {
  statusCode = 200;
  _header = null;
  #headers = new Map();
  constructor(done) {
    this.done = done;
  }
  getHeader(name) {
    return this.#headers.get(name.toLowerCase());
  }
  setHeader(name, value) {
    this.#headers.set(name.toLowerCase(), value);
    return this;
  }
  removeHeader(name) {
    this.#headers.delete(name.toLowerCase());
  }
  writeHead(status) {
    this.statusCode = status;
    this._header = "sent";
    return this;
  }
  _implicitHeader() {
    this.writeHead(this.statusCode);
  }
  write() {
    return true;
  }
  end() {
    if (!this._header) this._implicitHeader();
    this.done(this.#headers.get("set-cookie"));
  }
}

/** One request through `middleware` with `cookie`; resolves with the Set-Cookie it wrote. */
function request(middleware, cookie) {
  return new Promise((resolve, reject) => {
    const req = {
      method: "GET",
      url: "/",
      originalUrl: "/",
      headers: cookie ? { cookie } : {},
      connection: { encrypted: false },
      socket: { encrypted: false },
    };
    const res = new FakeResponse(resolve);
    middleware(req, res, (err) => {
      if (err) return reject(err);
      const session = req.session;
      if (typeof session.user !== "string") return reject(new Error("the session was not read"));
      session.counter = (session.counter ?? 0) + 1;
      res.end();
    });
  });
}

const cookiePair = (setCookie, name) => {
  const line = [].concat(setCookie ?? []).find((l) => l.startsWith(`${name}=`));
  return line?.split(";", 1)[0];
};

/** The three contenders, each with a cookie holding the same login session. */
async function contenders(lib) {
  const login = {
    user: "alice",
    counter: 1,
    roles: ["admin", "editor"],
    csrf: "3f9c2b7e01d84a6fb5c0e9d27a4418be6c3d05f2",
  };
  const ours = lib.express.flaskSession({ secret: SECRET });
  const flaskLogin = { ...login, login_at: new Date(Date.UTC(2024, 1, 29, 12, 34, 56)) };
  const oursCookie = `session=${lib.flask.dumpFlaskSession(flaskLogin, { secret: SECRET })}`;

  const cs = cookieSession({ name: "session", keys: [SECRET] });
  const seedCs = (req, res, next) =>
    cs(req, res, () => {
      Object.assign(req.session, login, { login_at: flaskLogin.login_at.toISOString() });
      next();
    });
  const csSet = await request(seedCs, "");
  const csCookie = `${cookiePair(csSet, "session")}; ${cookiePair(csSet, "session.sig")}`;

  const store = new expressSession.MemoryStore();
  const es = expressSession({ secret: SECRET, store, resave: false, saveUninitialized: false });
  const seedEs = (req, res, next) =>
    es(req, res, () => {
      Object.assign(req.session, login, { login_at: flaskLogin.login_at.toISOString() });
      next();
    });
  const esCookie = cookiePair(await request(seedEs, ""), "connect.sid");
  return [
    { name: "sessionlens/express", run: () => request(ours, oursCookie) },
    { name: "cookie-session", run: () => request(cs, csCookie) },
    { name: "express-session", run: () => request(es, esCookie) },
  ];
}

async function round(run, loops) {
  const start = performance.now();
  for (let i = 0; i < loops; i++) await run();
  return ((performance.now() - start) * 1000) / loops;
}

/** Warm the JIT first (a few thousand requests), then size a round to ROUND_MS. */
async function calibrate(run) {
  await round(run, WARM_UP);
  let loops = 8;
  while ((await round(run, loops)) * loops < 20_000) loops *= 2;
  const us = await round(run, loops);
  return Math.max(1, Math.floor((ROUND_MS * 1000) / us));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchMiddleware() {
  const lib = await loadLibrary();
  const all = await contenders(lib);
  for (const c of all) {
    c.loops = await calibrate(c.run);
    c.us = [];
  }
  // Alternate the contenders round by round so a busy machine weighs on all of them alike.
  for (let r = 0; r < ROUNDS; r++) for (const c of all) c.us.push(await round(c.run, c.loops));
  const ours = median(all[0].us);
  console.log(
    `\nExpress middleware, read + write a login session, µs per request (median of ${ROUNDS} alternating rounds); ratio = theirs / ours (> 1: ours is faster)\n`,
  );
  console.log(`${"middleware".padEnd(20)} ${"µs".padStart(8)}  ratio`);
  for (const c of all) {
    const us = median(c.us);
    console.log(
      `${c.name.padEnd(20)} ${us.toFixed(1).padStart(8)}  ${`${(us / ours).toFixed(2)}x`.padStart(6)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMiddleware(); // run alone: node bench/middleware.mjs
