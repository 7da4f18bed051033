/**
 * One demo server as a child process: start it, wait until it serves HTTP, stop it for sure.
 *
 * The apps bind port 0 themselves and print `listening on http://127.0.0.1:PORT`, so there is
 * no race for a free port. Readiness is that line and then an HTTP answer, polled a bounded
 * number of times. Each child leads its own process group, so stop() reaches anything it
 * spawned. The child's stdin is a pipe held here: the apps (`--exit-with-stdin`) exit when it
 * closes, so they cannot outlive this process even if it is killed without calling stop().
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const LISTEN_TIMEOUT_MS = 30_000;
const HTTP_TRIES = 50;
const HTTP_RETRY_MS = 100;
const STOP_GRACE_MS = 5_000;
const KEEP_OUTPUT_CHARS = 64 * 1024;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    if (err.code !== "ESRCH") throw err; // already gone
  }
}

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopChild(child) {
  child.stdin?.destroy();
  if (hasExited(child) || child.pid === undefined) return;
  const exited = once(child, "exit");
  signalGroup(child, "SIGTERM");
  const graceful = await Promise.race([
    exited.then(() => true),
    delay(STOP_GRACE_MS, false, { ref: false }),
  ]);
  if (!graceful) {
    signalGroup(child, "SIGKILL");
    await exited;
  }
}

function waitForListening(child, label, output) {
  return new Promise((resolve, reject) => {
    const fail = (why) => reject(new Error(`${label} ${why}.\n--- its output ---\n${output()}`));
    const timer = setTimeout(
      () => fail(`printed no URL within ${LISTEN_TIMEOUT_MS} ms`),
      LISTEN_TIMEOUT_MS,
    );
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = LISTENING.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      fail(`could not be started (${err.message})`);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(`exited (${signal ?? `code ${code}`}) before it was listening`);
    });
  });
}

async function waitForHttp(url, child, label, output) {
  for (let attempt = 1; attempt <= HTTP_TRIES; attempt++) {
    if (hasExited(child)) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not accepting yet: try again
    }
    await delay(HTTP_RETRY_MS);
  }
  throw new Error(
    `${label} did not answer ${url} (${HTTP_TRIES} tries).\n--- its output ---\n${output()}`,
  );
}

/**
 * Spawns `command args`, waits until it prints its URL and answers HTTP there.
 * `echo` copies the child's output to stderr, prefixed with `[label]`.
 */
export async function startServer(
  label,
  command,
  args,
  { echo = false, env = process.env, cwd = undefined } = {},
) {
  const child = spawn(command, args, { detached: true, env, cwd, stdio: ["pipe", "pipe", "pipe"] });
  let captured = "";
  const record = (chunk) => {
    captured = (captured + chunk).slice(-KEEP_OUTPUT_CHARS);
    if (echo) process.stderr.write(String(chunk).replace(/^(?=.)/gm, `[${label}] `));
  };
  child.stdout.setEncoding("utf8").on("data", record);
  child.stderr.setEncoding("utf8").on("data", record);
  const output = () => captured || "(none)";
  try {
    const url = await waitForListening(child, label, output);
    await waitForHttp(url, child, label, output);
    return { url, output, stop: () => stopChild(child) };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}
