/**
 * Starts the whole demo: the Python app (Flask + FastAPI, Debian's /usr/bin/python3) and the
 * Node app (express + cookie-session), each on its own port of 127.0.0.1, and returns their
 * URLs, the sides the panel should know, and stop(). Used by the README's run command, by the
 * interop test and by the e2e tests; `node demo/start.mjs [--variant fixed]` runs it by hand.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "./server-process.mjs";
import { DEMO_SECRET, demoSides, NODE_DEMO_KEY } from "./sides.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = "/usr/bin/python3";
const PYTHON_APP = join(HERE, "python/app.py");
const NODE_APP = join(HERE, "node/app.mjs");
/**
 * shared: the Python side of fixed, and a Node app on Flask's own cookie (sessionlens/express).
 * outer: broken with Starlette's SessionMiddleware around the whole Python app, Flask included.
 */
const VARIANTS = ["broken", "fixed", "shared", "outer"];
const DEBIAN_PACKAGES =
  "python3-fastapi python3-flask python3-starlette python3-uvicorn python3-itsdangerous";

function pythonEnv() {
  // pyenv and virtualenvs export PYTHONPATH/PYTHONHOME; Debian's python must not see them.
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("PYTHON")) delete env[name];
  return { ...env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1", PYTHONNOUSERSITE: "1" };
}

export async function startDemo({
  variant = "broken",
  pythonPort = 0,
  nodePort = 0,
  echo = false,
} = {}) {
  if (!VARIANTS.includes(variant)) {
    throw new Error(
      `variant must be "broken", "fixed", "shared" or "outer", not ${JSON.stringify(variant)}`,
    );
  }
  if (!existsSync(PYTHON)) {
    throw new Error(
      `${PYTHON} not found: the demo needs Debian's Python (apt-get install ${DEBIAN_PACKAGES})`,
    );
  }
  // Both apps exit when their stdin closes (see server-process.mjs), so none outlives us.
  const nodeArgs = ["--port", String(nodePort), "--key", NODE_DEMO_KEY, "--secret", DEMO_SECRET];
  nodeArgs.push("--variant", variant === "outer" ? "broken" : variant, "--exit-with-stdin");
  const node = await startServer("node app", process.execPath, [NODE_APP, ...nodeArgs], { echo });
  let python;
  try {
    const pythonVariant = variant === "shared" ? "fixed" : variant;
    const pythonArgs = ["--port", String(pythonPort), "--secret", DEMO_SECRET];
    pythonArgs.push("--variant", pythonVariant, "--exit-with-stdin");
    const env = pythonEnv();
    python = await startServer(
      "python app",
      PYTHON,
      [PYTHON_APP, ...pythonArgs, "--node-url", node.url],
      { echo, env },
    );
  } catch (err) {
    await node.stop();
    throw err;
  }
  return {
    pythonUrl: python.url,
    nodeUrl: node.url,
    variant,
    sides: demoSides(variant, { pythonOrigin: python.url, nodeOrigin: node.url }),
    stop: async () => {
      await Promise.all([python.stop(), node.stop()]);
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      variant: { type: "string", default: "broken" },
      "python-port": { type: "string", default: "0" },
      "node-port": { type: "string", default: "0" },
    },
  });
  const demo = await startDemo({
    variant: values.variant,
    pythonPort: Number(values["python-port"]),
    nodePort: Number(values["node-port"]),
    echo: true,
  });
  console.log(`Session Lens demo (${demo.variant})`);
  console.log(`  Python (Flask + FastAPI): ${demo.pythonUrl}/`);
  const nodeKind = demo.variant === "shared" ? "sessionlens/express" : "cookie-session";
  console.log(
    `  Node (${nodeKind}):${" ".repeat(Math.max(1, 18 - nodeKind.length))}${demo.nodeUrl}/`,
  );
  console.log(`Sides for the panel:\n${JSON.stringify(demo.sides, null, 2)}`);
  console.log("Ctrl-C stops both.");
  const shutdown = async () => {
    await demo.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
