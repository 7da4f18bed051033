/**
 * Session Lens demo, Node side: express + cookie-session on its own port of 127.0.0.1.
 *
 * Cookies ignore ports, so this app shares the Python demo's cookie jar. `--variant broken`
 * names its cookie `session` (plus the `session.sig` companion) and fights with Flask and
 * FastAPI over it; `--variant fixed` uses `node_session`, which collides with nothing.
 * Prints `listening on http://127.0.0.1:PORT` once bound (`--port 0` picks a free one).
 */
import { parseArgs } from "node:util";
import cookieSession from "cookie-session";
import express from "express";

/** Demo-only key, published on purpose; demo/sides.mjs declares the same one. */
const NODE_DEMO_KEY = "node-demo-key";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    variant: { type: "string", default: "broken" },
    key: { type: "string", default: NODE_DEMO_KEY },
    "exit-with-stdin": { type: "boolean", default: false },
  },
});
if (args.variant !== "broken" && args.variant !== "fixed") {
  throw new Error(`--variant must be broken or fixed, not ${args.variant}`);
}
if (args["exit-with-stdin"]) {
  // start.mjs holds the pipe: if it dies, however, this server goes too.
  process.stdin.on("end", () => process.exit(0)).resume();
}
const cookieName = args.variant === "fixed" ? "node_session" : "session";

const app = express();
app.use(cookieSession({ name: cookieName, keys: [args.key] }));

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
      `<!doctype html><html><head><meta charset=utf-8><title>Session Lens demo: Node app</title></head>` +
        `<body><h1>Node app (<span data-testid="variant">${args.variant}</span>)</h1>` +
        `<p>cookie-session, cookie <code>${cookieName}</code> + <code>${cookieName}.sig</code>, Path=/</p>` +
        `<ul>${links}</ul>${FETCH_SCRIPT}</body></html>`,
    );
});

app.get("/set-session", (req, res) => {
  const session = req.session;
  session.user = typeof req.query.user === "string" ? req.query.user : "dave";
  session.loginTime = new Date().toISOString();
  const counter = Number(req.query.counter);
  session.counter = Number.isInteger(counter) ? counter : (session.counter ?? 0) + 1;
  res.json({ ...session });
});

app.get("/get-session", (req, res) => res.json({ ...req.session }));

app.get("/delete-session", (req, res) => {
  req.session = null;
  res.json({});
});

const server = app.listen(Number(args.port), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port} (variant ${args.variant})`);
});
