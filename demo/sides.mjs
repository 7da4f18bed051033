/**
 * The sides the panel should have preloaded for the demo: one `Side` (src/model/side.ts) per
 * app that writes the shared cookie. Plain JS so `node demo/start.mjs` runs without a build;
 * sides.d.mts gives TypeScript callers the types.
 *
 * Every side also carries `origin` (not part of `Side`): the Node app lives on another port,
 * and cookies ignore ports, so one list covers both origins and says where each app is served.
 */

/**
 * Demo-only secrets. They are published on purpose and protect nothing; never reuse them.
 * The apps get them from start.mjs (`--secret`, `--key`); app.py and app.mjs default to the same.
 */
export const DEMO_SECRET = "sessionlens-demo-secret";
export const NODE_DEMO_KEY = "node-demo-key";

/** @param {"broken" | "fixed" | "shared"} variant */
export function demoSides(variant, { pythonOrigin, nodeOrigin }) {
  const shared = { value: DEMO_SECRET, encoding: "utf8" };
  const flask = {
    id: "flask-app",
    label: "Flask app",
    origin: pythonOrigin,
    format: "flask",
    cookieName: "session",
    pathPrefix: "/flask-application",
    secret: shared,
    fallbacks: [],
    options: {},
  };
  const fastapiBroken = {
    id: "fastapi-app",
    label: "FastAPI app",
    origin: pythonOrigin,
    format: "starlette",
    cookieName: "session",
    pathPrefix: "/fastapi-application",
    secret: shared,
    fallbacks: [],
    options: {},
  };
  // FlaskCompatibleSessionMiddleware (demo/python): Flask's signature and layout, itsdangerous'
  // compact JSON (no tags, insertion order, raw UTF-8).
  const fastapiFixed = {
    ...fastapiBroken,
    format: "flask",
    options: { untagged: true, sortKeys: false, ensureAscii: false },
  };
  const node = {
    id: "node-app",
    label: "Node app",
    origin: nodeOrigin,
    format: "cookie-session",
    cookieName: variant === "fixed" ? "node_session" : "session",
    pathPrefix: "/",
    secret: { value: NODE_DEMO_KEY, encoding: "utf8" },
    fallbacks: [],
    options: {},
  };
  // shared: the Node app reads and writes Flask's own cookie with sessionlens/express.
  const nodeShared = { ...node, format: "flask", cookieName: "session", secret: shared };
  if (variant === "shared") return [flask, fastapiFixed, nodeShared];
  return [flask, variant === "fixed" ? fastapiFixed : fastapiBroken, node];
}

/**
 * What `npm start` prints for a headless run: one sides file per origin, exactly as the panel's
 * Export writes it (src/analysis/sidesJson.ts, `SIDES_FILE_KIND`; a unit test imports each one
 * through the panel's own parser), so pasting it into Import works as printed. Sides are grouped
 * by origin because a sides file belongs to one site; the per-side `origin` is left out.
 * @param {ReturnType<typeof demoSides>} sides
 */
export function demoSidesFiles(sides) {
  /** @type {Map<string, object[]>} */
  const byOrigin = new Map();
  for (const { origin, ...side } of sides) {
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), side]);
  }
  return [...byOrigin].map(([origin, originSides]) => ({
    origin,
    text: JSON.stringify(
      { kind: "session-lens/sides", version: 1, origin, secretsIncluded: true, sides: originSides },
      null,
      2,
    ),
  }));
}
