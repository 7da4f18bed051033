/**
 * `npm run bench`: how fast the codec decodes+verifies and signs, next to the frameworks' own
 * Python code on the very same cookies (bench/bench.py, Debian's /usr/bin/python3).
 *
 * The codec is bundled with esbuild as the extension ships it, so the numbers are for the shipped
 * code, not for vitest's transform. Each figure is the median of alternating timed rounds after a
 * calibrated warm-up; ratio = Python µs / codec µs, so > 1 means the codec is faster. Not a test:
 * it only checks that both sides read (and write) the same payload for each cookie. Then the
 * Express middleware against cookie-session and express-session (bench/middleware.mjs).
 */
import { buildCases, loadCodec } from "./cases.mjs";
import { benchMiddleware } from "./middleware.mjs";
import { measure, ROUNDS, startPython } from "./timing.mjs";

const fmt = (us) => (us < 10 ? us.toFixed(2) : us.toFixed(1)).padStart(9);
const ratio = (py, ours) => `${(py / ours).toFixed(2)}x`.padStart(8);

const started = performance.now();
const { codec, bytes } = await loadCodec();
const cases = buildCases(codec);
const python = startPython(cases);
const { versions: v } = await python.ready;
const rows = [];
for (const c of cases) {
  const decode = () => codec.decodeCookie(c.kind, c.cookie, { secret: c.secret });
  const sign = () => codec.signSession(c.kind, c.value, { secret: c.secret });
  rows.push({ c, op: "decode+verify", ...(await measure(python, c.name, "decode", decode)) });
  rows.push({ c, op: "sign", ...(await measure(python, c.name, "sign", sign)) });
}
python.close();

console.log(
  `codec bundle ${(bytes / 1024).toFixed(1)} KiB · Node ${process.versions.node} · Python ${v.python}, ` +
    `Flask ${v.flask}, itsdangerous ${v.itsdangerous}, Starlette ${v.starlette}`,
);
console.log(
  `median of ${ROUNDS} alternating rounds, µs per operation; ratio = python / ours (> 1: ours is faster)\n`,
);
console.log(
  `${"cookie".padEnd(18)} ${"len".padStart(5)}  ${"op".padEnd(13)} ${"ours".padStart(9)} ${"python".padStart(9)}  ratio`,
);
for (const { c, op, ours, python: py } of rows) {
  const len = String(c.cookie.length).padStart(5);
  console.log(
    `${c.name.padEnd(18)} ${len}  ${op.padEnd(13)} ${fmt(ours)} ${fmt(py)} ${ratio(py, ours)}`,
  );
}
await benchMiddleware();
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
