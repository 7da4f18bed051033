/**
 * The package as a user gets it: `npm pack` (its prepack builds dist/lib), installed into a fresh
 * project with its own express, hono and @hono/node-server, imported by the three entry points'
 * names — type-checked with Node's own ESM resolution and run — sharing a session with the real
 * Flask through Express and through Hono, both directions.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../demo/server-process.mjs";
import { shareSessionBothWays, startFlaskShareApp } from "./flaskShareHarness";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = fileURLToPath(new URL(".", import.meta.url));
const SECRET = "tarball-secret";
const NPM = "npm";
const TIMEOUT = 300_000;

const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

const TYPES_CHECK = `import { flaskSession as expressSession } from "sessionlens/express";
import { dumpFlaskSession, type LoadedFlaskSession, loadFlaskSession } from "sessionlens/flask";
import { flaskSession as honoSession } from "sessionlens/hono";
import { Hono } from "hono";

const loaded: LoadedFlaskSession = loadFlaskSession("x", { secret: "k" });
// @ts-expect-error a status is text: this line fails to fail if the types resolved to any
const n: number = loaded.status;
const value: string = dumpFlaskSession({ user: "a", at: new Date() }, { secret: "k" });
// @ts-expect-error the secret is required
expressSession({});
const app = new Hono().use(honoSession({ secret: "k", cookie: { sameSite: "Lax" } }));
app.get("/", (c) => c.text(String(c.get("session").user) + c.get("sessionStatus")));
export { n, value };
`;

let dir: string;
let tarball: string;
let flask: RunningServer;
let node: RunningServer;
let honoUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sessionlens-tarball-"));
  const packed = execFileSync(NPM, ["pack", "--silent", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  tarball = packed.trim().split("\n").pop() as string;
  const project = join(dir, "project");
  execFileSync("mkdir", [project]);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "sessionlens-tarball-check",
      private: true,
      type: "module",
      dependencies: {
        sessionlens: `file:../${tarball}`,
        express: versionOf("express"),
        hono: versionOf("hono"),
        "@hono/node-server": versionOf("@hono/node-server"),
      },
    }),
  );
  execFileSync(
    NPM,
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"],
    {
      cwd: project,
      stdio: "pipe",
    },
  );
  for (const file of ["flaskShareApps.mjs", "serveInstalled.mjs"])
    copyFileSync(join(HERE, file), join(project, file));
  writeFileSync(join(project, "check.ts"), TYPES_CHECK);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022", "dom"],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ["check.ts"],
    }),
  );
  node = await startServer("installed apps", process.execPath, ["serveInstalled.mjs", SECRET], {
    cwd: project,
  });
  honoUrl = /hono at (http:\/\/127\.0\.0\.1:\d+)/.exec(node.output())?.[1] as string;
  flask = await startFlaskShareApp(SECRET); // after the synchronous steps, which block its output
}, TIMEOUT);

afterAll(async () => {
  await Promise.all([node?.stop(), flask?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("the tarball holds the library, the CLI and no sources or tests", () => {
  const listing = execFileSync("tar", ["-tzf", join(dir, tarball)], { encoding: "utf8" });
  expect(listing).toMatch(/package\/dist\/lib\/express\.js/);
  expect(listing).toMatch(/package\/dist\/lib\/types\/lib\/hono\.d\.ts/);
  expect(listing).toMatch(/package\/dist\/cli\/sessionlens\.mjs/);
  expect(listing).not.toMatch(/package\/(src|test|e2e|demo)\//);
});

it(
  "its types resolve under Node's ESM resolution (nodenext)",
  () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    expect(() =>
      execFileSync(process.execPath, [tsc, "-p", join(dir, "project")], { stdio: "pipe" }),
    ).not.toThrow();
  },
  TIMEOUT,
);

it("Express from the tarball shares the session with Flask both ways", async () => {
  await shareSessionBothWays(flask.url, node.url);
});

it("Hono from the tarball shares the session with Flask both ways", async () => {
  expect(honoUrl).toMatch(/^http:/);
  await shareSessionBothWays(flask.url, honoUrl);
});
