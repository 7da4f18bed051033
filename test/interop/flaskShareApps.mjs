/**
 * The Node half of the shared-session tests: one Express app and one Hono app (Node adapter)
 * using the library's middleware, on 127.0.0.1 port 0. Plain JS with every module passed in,
 * so the same apps run from the repository's sources (flaskShare.test.ts) and from a project
 * that installed the packed tarball (packageTarball.test.ts, through serveInstalled.mjs).
 *
 * Routes (the same on both):
 *   /whoami   the session as JSON, with the JS type of each value and sessionStatus
 *   /promote  changes one key (user → "bob") and adds a list (tags)
 *   /noop     reads the session, changes nothing
 *   /logout   empties the session
 *   /big      puts ~6 KB of incompressible text in the session: the error handler answers 500
 *             with the library's message
 */

/** Deterministic text zlib cannot shrink much, long enough to pass the cookie limit. */
function noise() {
  let text = "";
  for (let i = 0; text.length < 6000; i++) text += ((i * 2654435761) >>> 0).toString(36);
  return text;
}

/** `typeof`, but naming the classes that matter: Date, Uint8Array, Array. */
function jsType(value) {
  if (value instanceof Date) return "Date";
  if (value instanceof Uint8Array) return "Uint8Array";
  if (Array.isArray(value)) return "Array";
  return value === null ? "null" : typeof value;
}

function describe(session, status) {
  const types = {};
  const values = {};
  for (const [key, value] of Object.entries(session)) {
    types[key] = jsType(value);
    values[key] = value instanceof Date ? value.toISOString() : value;
  }
  return { status, types, values };
}

function promote(session) {
  session.user = "bob";
  session.tags = ["a", "b"];
}

function clear(session) {
  for (const key of Object.keys(session)) delete session[key];
}

export function expressApp(express, flaskSession, options) {
  const app = express();
  app.use(flaskSession(options));
  app.get("/", (_req, res) => res.send("express"));
  app.get("/whoami", (req, res) => res.json(describe(req.session, req.sessionStatus)));
  app.get("/promote", (req, res) => {
    promote(req.session);
    res.status(204).end();
  });
  app.get("/noop", (req, res) => res.json({ user: req.session.user ?? null }));
  app.get("/logout", (req, res) => {
    clear(req.session);
    res.status(204).end();
  });
  app.get("/big", (req, res) => {
    req.session.blob = noise();
    res.status(204).end();
  });
  app.use((err, _req, res, _next) =>
    res.status(500).type("text").send(`${err.name}: ${err.message}`),
  );
  return app;
}

export function honoApp(Hono, flaskSession, options) {
  const app = new Hono();
  app.use(flaskSession(options));
  app.get("/", (c) => c.text("hono"));
  app.get("/whoami", (c) => c.json(describe(c.get("session"), c.get("sessionStatus"))));
  app.get("/promote", (c) => {
    promote(c.get("session"));
    return c.body(null, 204);
  });
  app.get("/noop", (c) => c.json({ user: c.get("session").user ?? null }));
  app.get("/logout", (c) => {
    c.set("session", {});
    return c.body(null, 204);
  });
  app.get("/big", (c) => {
    c.get("session").blob = noise();
    return c.body(null, 204);
  });
  app.onError((err, c) => c.text(`${err.name}: ${err.message}`, 500));
  return app;
}

function listenExpress(app) {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * Starts every app given: `express` maps a label to an Express module, `hono` is
 * `{ Hono, serve }` or omitted. Returns `{ urls: { label: url }, close() }`.
 */
export async function startShareApps({ express = {}, hono, expressSession, honoSession, options }) {
  const servers = [];
  const urls = {};
  for (const [label, module] of Object.entries(express)) {
    const server = await listenExpress(expressApp(module, expressSession, options));
    servers.push(server);
    urls[label] = `http://127.0.0.1:${server.address().port}`;
  }
  if (hono) {
    const app = honoApp(hono.Hono, honoSession, options);
    const server = await new Promise((resolve) => {
      const s = hono.serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    servers.push(server);
    urls.hono = `http://127.0.0.1:${server.address().port}`;
  }
  return { urls, close: () => Promise.all(servers.map(closeServer)) };
}
