/**
 * `npm run bench:timeline` (not a test): 10,000 session-cookie writes through the timeline
 * core as the panel runs it (src/timeline, bundled by esbuild like the extension): the first
 * build (every value decoded and verified per side), then one more write the way the panel
 * applies it (TimelineBuilder.sync with the ring plus the new record, its value read for the
 * first time), against a 16 ms frame; then the same once the panel's ring of 3000 is full,
 * where each write also drops the oldest. The DOM side is the windowed list: it renders only
 * the rows in view, whatever the count (see TimelineRows.tsx).
 */
import { isDeepStrictEqual } from "node:util";
import { importBundled } from "./cases.mjs";

const { module: core } = await importBundled(
  `export * from "./src/timeline/index.ts"; export { signSession } from "./src/codec/index.ts"; export { dict } from "./src/codec/value.ts";`,
);
const { buildTimeline, TimelineBuilder, signSession, dict } = core;

const FRAME_MS = 16;
const N = 10_000;
const RING = 3000; // TIMELINE_RING in src/panel/state/useTimeline.ts
const ROUNDS = 15;
const side = (id, label, format, pathPrefix) => ({
  id,
  label,
  format,
  cookieName: "session",
  pathPrefix,
  secret: { value: "bench-secret", encoding: "utf8" },
  fallbacks: [],
  options: {},
});
const sides = [
  side("f", "Flask app", "flask", "/flask"),
  side("s", "FastAPI app", "starlette", "/api"),
];
const t0 = 1_767_237_945_000;
const seen = (i) => {
  const flask = i % 2 === 0;
  const data = dict([
    ["user", `u${i % 97}`],
    ["n", i],
  ]);
  const value = signSession(flask ? "flask" : "starlette", data, {
    secret: "bench-secret",
    timestamp: t0 / 1000 + i,
  }).value;
  return {
    seq: i + 1,
    request: {
      url: `http://127.0.0.1:8000/${flask ? "flask" : "api"}/x`,
      method: "GET",
      status: 200,
      startedAt: t0 + i * 100,
      durationMs: 20,
    },
    setCookies: [`session=${value}; Path=/`],
  };
};
const records = Array.from({ length: N + 2 * ROUNDS }, (_, i) => seen(i));

const time = (fn) => {
  const start = performance.now();
  const result = fn();
  return [performance.now() - start, result];
};
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const input = (list) => ({ seen: list, changes: [], hasChangeFeed: false });

/** First build of `start` records, then ROUNDS more writes one at a time (ring: keep the last `ring`). */
function run(start, ring) {
  const builder = new TimelineBuilder(sides, { hasChangeFeed: false });
  let shown = records.slice(0, start).slice(-ring);
  const [firstMs, first] = time(() => builder.sync(input(shown)));
  const oneMore = [];
  let last = first;
  for (let r = 0; r < ROUNDS; r++) {
    shown = [...shown, records[start + r]].slice(-ring); // the panel's merge, not timed
    const [ms, timeline] = time(() => builder.sync(input(shown)));
    oneMore.push(ms);
    last = timeline;
  }
  const same = isDeepStrictEqual(last, buildTimeline(input(shown), sides));
  return { firstMs, first, oneMore: median(oneMore), same };
}

const whole = run(N, Number.POSITIVE_INFINITY);
console.log(
  `timeline: ${whole.first.writes.length} writes, ${whole.first.findings.length} findings`,
);
console.log(
  `first build (decode + verify every value): ${whole.firstMs.toFixed(1)} ms (${(whole.firstMs / FRAME_MS).toFixed(1)} frames of ${FRAME_MS} ms)`,
);
console.log(
  `one more write, as the panel applies it (median of ${ROUNDS}): ${whole.oneMore.toFixed(2)} ms = ${(whole.oneMore / FRAME_MS).toFixed(3)}x a ${FRAME_MS} ms frame`,
);
const full = run(N, RING);
console.log(
  `one more write into the panel's full ring of ${RING} (the oldest dropped; median of ${ROUNDS}): ${full.oneMore.toFixed(2)} ms = ${(full.oneMore / FRAME_MS).toFixed(3)}x a ${FRAME_MS} ms frame`,
);
console.log(
  `after those writes, the same as a build of the whole input: ${whole.same && full.same ? "yes" : "NO"}`,
);
if (!whole.same || !full.same) process.exitCode = 1;
