/**
 * timeit-style timing for both sides. Python runs as a line server (bench/bench.py) so that its
 * rounds and ours can alternate: on a shared, busy machine both then see the same load, which
 * matters more for a fair ratio than any single absolute number.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { root } from "./cases.mjs";

const PYTHON = "/usr/bin/python3";
export const ROUNDS = 7;
const ROUND_SECONDS = 0.1;

/** One timed round of our code: µs per call. */
function ourRound(fn, loops) {
  const start = performance.now();
  for (let i = 0; i < loops; i++) fn();
  return ((performance.now() - start) * 1000) / loops;
}

/** Double the loop count until a round takes 20 ms, then scale it to ROUND_SECONDS. */
function ourLoops(fn) {
  let loops = 1;
  let us = ourRound(fn, loops);
  while (us * loops < 20_000) {
    loops *= 2;
    us = ourRound(fn, loops);
  }
  return Math.max(1, Math.floor((ROUND_SECONDS * 1e6) / us));
}

/** Start bench.py and hand it the cases; `ask` sends one request and awaits its reply line. */
export function startPython(cases) {
  const py = spawn(PYTHON, [`${root}bench/bench.py`], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  py.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const waiting = [];
  const failed = new Promise((_, reject) => {
    const fail = (why) => {
      const hint = /No module named|ENOENT/.test(why) ? "; run scripts/install-system-deps.sh" : "";
      reject(new Error(`${PYTHON} bench/bench.py failed (${why})${hint}`));
    };
    py.on("error", (e) => fail(e.message));
    py.on("exit", () => fail(stderr.trim().split("\n").slice(-3).join(" | ") || "it exited"));
  });
  failed.catch(() => {}); // surfaced through ask()
  createInterface({ input: py.stdout }).on("line", (line) => waiting.shift()?.(JSON.parse(line)));
  const ask = (req) => {
    const reply = new Promise((resolve) => waiting.push(resolve));
    py.stdin.write(`${JSON.stringify(req)}\n`);
    return Promise.race([reply, failed]);
  };
  const plain = cases.map(({ name, kind, secret, session, cookie }) => ({
    name,
    kind,
    secret,
    session,
    cookie,
  }));
  return { ask, ready: ask({ cmd: "setup", cases: plain }), close: () => py.stdin.end() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Calibrate and warm up both sides, then alternate ROUNDS rounds; medians in µs per operation. */
export async function measure(python, name, op, ours) {
  const loops = ourLoops(ours);
  const { loops: pyLoops } = await python.ask({
    cmd: "calibrate",
    name,
    op,
    round_seconds: ROUND_SECONDS,
  });
  ourRound(ours, loops);
  await python.ask({ cmd: "round", name, op, loops: pyLoops });
  const oursUs = [];
  const pyUs = [];
  for (let r = 0; r < ROUNDS; r++) {
    oursUs.push(ourRound(ours, loops));
    pyUs.push((await python.ask({ cmd: "round", name, op, loops: pyLoops })).us);
  }
  return { ours: median(oursUs), python: median(pyUs) };
}
