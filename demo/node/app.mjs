/**
 * Session Lens demo, Node side: express on its own port of 127.0.0.1.
 *
 * Cookies ignore ports, so this app shares the Python demo's cookie jar. `--variant broken`
 * uses cookie-session on a cookie named `session` (plus the `session.sig` companion) and fights
 * with Flask and FastAPI over it; `--variant fixed` uses `node_session`, which collides with
 * nothing; `--variant shared` reads and writes Flask's own `session` cookie with this
 * repository's library (`sessionlens/express`, built into dist/lib by `npm run build:lib`),
 * so Flask, FastAPI and Node share one login.
 * Prints `listening on http://127.0.0.1:PORT` once bound (`--port 0` picks a free one).
 */
import { parseArgs } from "node:util";
import cookieSession from "cookie-session";
import express from "express";

import { DEMO_SECRET, NODE_DEMO_KEY } from "../sides.mjs";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    variant: { type: "string", default: "broken" },
    key: { type: "string", default: NODE_DEMO_KEY },
    secret: { type: "string", default: DEMO_SECRET },
    "exit-with-stdin": { type: "boolean", default: false },
  },
});
if (!["broken", "fixed", "shared"].includes(args.variant)) {
  throw new Error(`--variant must be broken, fixed or shared, not ${args.variant}`);
}
if (args["exit-with-stdin"]) {
  // start.mjs holds the pipe: if it dies, however, this server goes too.
  process.stdin.on("end", () => process.exit(0)).resume();
}
const shared = args.variant === "shared";
const cookieName = args.variant === "fixed" ? "node_session" : "session";

/** The library by its package name (Node resolves a package's own name through its exports). */
async function flaskSessionMiddleware() {
  try {
    return (await import("sessionlens/express")).flaskSession({ secret: args.secret });
  } catch (err) {
    throw new Error(
      `the shared variant needs the built library: run \`npm run build:lib\` (${err.message})`,
    );
  }
}

const app = express();
app.use(
  shared ? await flaskSessionMiddleware() : cookieSession({ name: cookieName, keys: [args.key] }),
);

/** Clicking a route link fetches it and shows the JSON, so the page (and devtools) stays put. */
const FETCH_SCRIPT = `<pre data-testid="result" id="result"></pre><script>
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-fetch]");
  if (!link) return;
  event.preventDefault();
  const response = await fetch(link.href);
  document.getElementById("result").textContent = link.pathname + " -> " + (await response.text());
});
</script>`;

app.get("/", (_req, res) => {
  const links = ["set-session", "get-session", "delete-session"]
    .map(
      (route) =>
        `<li><a data-fetch data-testid="node-${route}" href="/${route}">/${route}</a></li>`,
    )
    .join("");
  res
    .type("html")
    .send(
      `<!doctype html><html><head><meta charset=utf-8><link rel=icon href="data:,"><title>Session Lens demo: Node app</title></head>` +
        `<body><h1>Node app (<span data-testid="variant">${args.variant}</span>)</h1>` +
        (shared
          ? "<p>sessionlens/express, Flask's own cookie <code>session</code>, Path=/</p>"
          : `<p>cookie-session, cookie <code>${cookieName}</code> + <code>${cookieName}.sig</code>, Path=/</p>`) +
        `<ul>${links}</ul>${FETCH_SCRIPT}</body></html>`,
    );
});

app.get("/set-session", (req, res) => {
  const session = req.session;
  session.user = typeof req.query.user === "string" ? req.query.user : "dave";
  session.loginTime = shared ? new Date() : new Date().toISOString(); // a Date is a Flask datetime
  const counter = Number(req.query.counter);
  session.counter = Number.isInteger(counter) ? counter : (session.counter ?? 0) + 1;
  res.json({ ...session });
});

app.get("/get-session", (req, res) => res.json({ ...req.session }));

app.get("/delete-session", (req, res) => {
  req.session = null; // both middlewares take null as "clear" (Flask's session.clear())
  res.json({});
});

const server = app.listen(Number(args.port), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port} (variant ${args.variant})`);
});
