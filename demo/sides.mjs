/**
 * The sides the panel should have preloaded for the demo: one `Side` (src/model/side.ts) per
 * app that writes the shared cookie. Plain JS so `node demo/start.mjs` runs without a build;
 * sides.d.mts gives TypeScript callers the types.
 */

/**
 * Demo-only secrets. They are published on purpose and protect nothing; never reuse them.
 * The apps get them from start.mjs (`--secret`, `--key`); app.py and app.mjs default to the same.
 */
export const DEMO_SECRET = "sessionlens-demo-secret";
export const NODE_DEMO_KEY = "node-demo-key";

/**
 * The migration Session Lens is for, as sides: a Flask app mounted at /flask-application and a
 * FastAPI app (Starlette's SessionMiddleware) at /fastapi-application, both writing `session`
 * on path /, and a Node app on cookie-session. This is the one definition of that scenario:
 * the demo apps, the panel's inline shell (src/shells/inline/scenario.ts) and the analysis
 * tests all start from it.
 */
const shared = { value: DEMO_SECRET, encoding: "utf8" };

export const flaskAppSide = (overrides = {}) => ({
  id: "flask-app",
  label: "Flask app",
  format: "flask",
  cookieName: "session",
  pathPrefix: "/flask-application",
  secret: shared,
  fallbacks: [],
  options: {},
  ...overrides,
});

export const fastapiAppSide = (overrides = {}) => ({
  id: "fastapi-app",
  label: "FastAPI app",
  format: "starlette",
  cookieName: "session",
  pathPrefix: "/fastapi-application",
  secret: shared,
  fallbacks: [],
  options: {},
  ...overrides,
});

export const nodeAppSide = (overrides = {}) => ({
  id: "node-app",
  label: "Node app",
  format: "cookie-session",
  cookieName: "session",
  pathPrefix: "/",
  secret: { value: NODE_DEMO_KEY, encoding: "utf8" },
  fallbacks: [],
  options: {},
  ...overrides,
});

/**
 * FastAPI on FlaskCompatibleSessionMiddleware (demo/python): Flask's signature and layout,
 * itsdangerous' compact JSON (no tags, insertion order, raw UTF-8).
 */
export const FLASK_COMPATIBLE_OPTIONS = { untagged: true, sortKeys: false, ensureAscii: false };

/**
 * The demo's sides, each with the origin its app is served from (`origin` is not part of
 * `Side`: the Node app lives on another port, and cookies ignore ports, so one list covers
 * both origins).
 * @param {"broken" | "fixed" | "shared" | "outer"} variant
 */
export function demoSides(variant, { pythonOrigin, nodeOrigin }) {
  const flask = { ...flaskAppSide(), origin: pythonOrigin };
  // outer: the broken sides; Starlette's middleware only moved out around Flask's mount.
  const flaskFormat = variant === "fixed" || variant === "shared";
  const fastapi = fastapiAppSide(
    flaskFormat ? { format: "flask", options: FLASK_COMPATIBLE_OPTIONS } : {},
  );
  // fixed: the Node app renames its cookie; shared: it reads and writes Flask's own cookie
  // with sessionlens/express.
  const node =
    variant === "shared"
      ? nodeAppSide({ format: "flask", secret: shared })
      : nodeAppSide(variant === "fixed" ? { cookieName: "node_session" } : {});
  return [flask, { ...fastapi, origin: pythonOrigin }, { ...node, origin: nodeOrigin }];
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
