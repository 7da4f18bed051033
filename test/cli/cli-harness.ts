/**
 * Runs the real, built `sessionlens` command (node bin/sessionlens.mjs) as a child process.
 *
 * Several test files build the bundle at the same time (vitest runs files in parallel), and a
 * child started while another build is rewriting dist/cli/sessionlens.mjs could read half a
 * file. So each build goes through `npm run build:cli` into a private file next to the real
 * one and is then renamed over it: a rename is atomic, readers see the old or the new bundle.
 */
import {
  type ChildProcessWithoutNullStreams,
  execFileSync,
  spawn,
  spawnSync,
} from "node:child_process";
import { renameSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUNDLE = join(ROOT, "dist/cli/sessionlens.mjs");

export function buildCli(): void {
  const privateBundle = join(ROOT, `dist/cli/.sessionlens-${process.pid}.mjs`);
  execFileSync("npm", ["run", "-s", "build:cli", "--", `--outfile=${privateBundle}`], {
    cwd: ROOT,
    stdio: "pipe",
  });
  renameSync(privateBundle, BUNDLE);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the final empty string after the last `\n`. */
  lines: string[];
}

export function runCli(args: readonly string[], stdin = ""): CliRun {
  const child = spawnSync(process.execPath, ["bin/sessionlens.mjs", ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: "utf8",
    timeout: 20_000,
  });
  const lines = child.stdout === "" ? [] : child.stdout.replace(/\n$/, "").split("\n");
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, lines };
}

/** The NDJSON objects of a run, parsed (key order of `data` is checked on the raw text). */
export function records(run: CliRun): Record<string, unknown>[] {
  return run.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A long-running child for streaming tests: the caller writes stdin and awaits output. */
export function startCli(args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["bin/sessionlens.mjs", ...args], { cwd: ROOT });
}
