/**
 * `npm run bench:timeline` (not a test): 10,000 session-cookie writes through the timeline
 * core as the panel runs it (src/timeline, bundled by esbuild like the extension): the first
 * build (every value decoded and verified per side), then one more write with the reading cache
 * warm (what the panel does per live write), against a 16 ms frame. The DOM side is the
 * windowed list: it renders only the rows in view, whatever the count (see TimelineRows.tsx).
 */
import * as esbuild from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const out = await esbuild.build({
  stdin: {
    contents: `export * from "./src/timeline/index.ts"; export { signSession } from "./src/codec/index.ts"; export { dict } from "./src/codec/value.ts";`,
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "warning",
});
const core = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`
);
const { buildTimeline, ReadingCache, signSession, dict } = core;

const FRAME_MS = 16;
const N = 10_000;
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
const records = Array.from({ length: N }, (_, i) => seen(i));
const more = seen(N);

const time = (fn) => {
  const start = performance.now();
  const result = fn();
  return [performance.now() - start, result];
};
const cache = new ReadingCache(sides);
const [firstMs, first] = time(() =>
  buildTimeline({ seen: records, changes: [], hasChangeFeed: false }, sides, cache),
);
const oneMore = [];
for (let round = 0; round < 5; round++) {
  const [ms] = time(() =>
    buildTimeline({ seen: [...records, more], changes: [], hasChangeFeed: false }, sides, cache),
  );
  oneMore.push(ms);
}
oneMore.sort((a, b) => a - b);
const median = oneMore[2];
console.log(`timeline: ${first.writes.length} writes, ${first.findings.length} findings`);
console.log(
  `first build (decode + verify every value): ${firstMs.toFixed(1)} ms (${(firstMs / FRAME_MS).toFixed(1)} frames of ${FRAME_MS} ms)`,
);
console.log(
  `one more write, warm cache (median of 5): ${median.toFixed(1)} ms = ${(median / FRAME_MS).toFixed(2)}x a ${FRAME_MS} ms frame`,
);
