/**
 * Client for pyhelper.py: spawns Debian's Python once per test file and speaks JSON lines with it
 * (one request → one response, matched by id). Starting it checks that the framework modules
 * import, and fails with the apt package to install rather than skipping: interop must run in CI.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** Debian's interpreter; the pyenv `python3` on PATH lacks the framework packages. */
export const DEBIAN_PYTHON = "/usr/bin/python3";
const HELPER = fileURLToPath(new URL("./pyhelper.py", import.meta.url));
const INSTALL_HINT = "run `bash scripts/install-system-deps.sh` as root";
const ALL_PACKAGES = "python3 python3-flask python3-starlette python3-itsdangerous";
const APT_PACKAGE: Record<string, string> = {
  flask: "python3-flask",
  starlette: "python3-starlette",
  itsdangerous: "python3-itsdangerous",
  werkzeug: "python3-werkzeug",
  markupsafe: "python3-markupsafe",
};

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export interface PyHelper {
  /** Run one helper command; rejects with the helper's error text. */
  call<T>(cmd: string, args: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

function missingModuleMessage(stderr: string): string {
  const missing = /No module named '([\w.]+)'/.exec(stderr)?.[1]?.split(".")[0];
  const pkg = missing ? APT_PACKAGE[missing] : undefined;
  if (pkg)
    return `Python module '${missing}' is missing: apt-get install ${pkg} (or ${INSTALL_HINT})`;
  const tail = stderr.trim().slice(-600) || "(no stderr)";
  return `pyhelper.py exited: ${tail}. Needs apt-get install ${ALL_PACKAGES} (or ${INSTALL_HINT})`;
}

export async function startPyHelper(): Promise<PyHelper> {
  if (!existsSync(DEBIAN_PYTHON)) {
    throw new Error(
      `${DEBIAN_PYTHON} not found: apt-get install ${ALL_PACKAGES} (or ${INSTALL_HINT})`,
    );
  }
  const child: ChildProcessWithoutNullStreams = spawn(DEBIAN_PYTHON, ["-u", HELPER], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, PYTHONWARNINGS: "ignore", PYTHONDONTWRITEBYTECODE: "1" },
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stderr = "";
  let exitError: Error | undefined;
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  const failAll = (error: Error) => {
    exitError = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  child.on("error", (e) => failAll(new Error(`cannot run ${DEBIAN_PYTHON}: ${e.message}`)));
  child.on("exit", () => failAll(new Error(missingModuleMessage(stderr))));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const reply = JSON.parse(line) as { id: number; ok: boolean; result?: unknown; error?: string };
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiter) return;
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(`pyhelper: ${reply.error}`));
  });

  const helper: PyHelper = {
    call<T>(cmd: string, args: Record<string, unknown>): Promise<T> {
      if (exitError) return Promise.reject(exitError);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
        child.stdin.write(`${JSON.stringify({ ...args, id, cmd })}\n`);
      });
    },
    close(): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.end();
      });
    },
  };
  await helper.call("ping", {}); // surfaces a missing module here, in beforeAll
  return helper;
}
