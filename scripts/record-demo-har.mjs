/**
 * Records HAR fixtures from the real demo apps (Flask + FastAPI on Debian's python3): drives
 * them over HTTP with a small cookie jar, as a browser would, and writes what a browser's HAR
 * export holds for each request (start time, duration, Set-Cookie headers) to
 * test/fixtures/har/demo-<variant>.har. Run by hand (`node scripts/record-demo-har.mjs [variant…]`) and
 * commit the output; tests read the committed files and never start the demo for this.
 */
import { writeFileSync } from "node:fs";
import { startDemo } from "../demo/start.mjs";

const STEPS = {
  broken: [
    ["/flask-application/set-session?user=alice"],
    ["/fastapi-application/get-session"],
    ["/fastapi-application/set-session?user=bob"],
    ["/fastapi-application/get-session"],
    ["/flask-application/set-session?user=alice"],
    // two at once: the slow one started first and finishes last
    [
      "/flask-application/set-session?user=slow&delay=0.6",
      "/flask-application/set-session?user=fast",
    ],
    // FastAPI logs in again; Flask's logout deletes the cookie FastAPI still reads
    ["/fastapi-application/set-session?user=bob"],
    ["/flask-application/delete-session"],
  ],
  // FastAPI logs in, then each Flask write is followed in its response by the outer
  // middleware's re-send of FastAPI's session; then Flask's logout deletes FastAPI's session.
  outer: [
    ["/fastapi-application/set-session?user=bob"],
    ["/flask-application/set-session?user=alice"],
    ["/flask-application/get-session"],
    ["/flask-application/delete-session"],
  ],
  fixed: [
    ["/flask-application/set-session?user=alice"],
    ["/fastapi-application/get-session"],
    ["/fastapi-application/delete-session"],
  ],
};

function applySetCookies(jar, headers) {
  for (const header of headers) {
    const [pair] = header.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (/max-age=0\b|expires=thu, 01 jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
}

async function request(base, path, jar) {
  const started = new Date();
  const t0 = performance.now();
  const cookie = [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
  const response = await fetch(base + path, { headers: cookie ? { cookie } : {} });
  await response.text();
  const time = Math.round((performance.now() - t0) * 1000) / 1000;
  const headers = [...response.headers]
    .filter(([name]) => name !== "set-cookie")
    .map(([name, value]) => ({ name, value }));
  for (const value of response.headers.getSetCookie()) headers.push({ name: "set-cookie", value });
  return {
    entry: {
      startedDateTime: started.toISOString(),
      time,
      request: {
        method: "GET",
        url: base + path,
        httpVersion: "HTTP/1.1",
        headers: cookie ? [{ name: "Cookie", value: cookie }] : [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: "HTTP/1.1",
        headers,
        cookies: [],
        content: { size: 0, mimeType: response.headers.get("content-type") ?? "" },
        redirectURL: "",
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: time, receive: 0 },
    },
    setCookies: response.headers.getSetCookie(),
  };
}

// `node scripts/record-demo-har.mjs outer` records one variant; no argument records them all.
const variants = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(STEPS);
for (const variant of variants) {
  if (!(variant in STEPS)) throw new Error(`no steps for variant ${JSON.stringify(variant)}`);
  const demo = await startDemo({ variant });
  try {
    const jar = new Map();
    const entries = [];
    for (const group of STEPS[variant]) {
      // a group's requests leave together, with the same Cookie header
      const results = await Promise.all(
        group.map((path, i) =>
          new Promise((r) => setTimeout(r, i * 30)).then(() => request(demo.pythonUrl, path, jar)),
        ),
      );
      const byEnd = [...results].sort(
        (a, b) =>
          Date.parse(a.entry.startedDateTime) +
          a.entry.time -
          (Date.parse(b.entry.startedDateTime) + b.entry.time),
      );
      for (const r of byEnd) applySetCookies(jar, r.setCookies);
      entries.push(...results.map((r) => r.entry));
    }
    const har = {
      log: {
        version: "1.2",
        creator: { name: "record-demo-har.mjs", version: "1" },
        pages: [],
        entries,
      },
    };
    writeFileSync(`test/fixtures/har/demo-${variant}.har`, `${JSON.stringify(har, null, 1)}\n`);
    const sides = demo.sides.map(({ origin: _origin, ...side }) => side);
    writeFileSync(
      `test/fixtures/har/demo-${variant}.sides.json`,
      `${JSON.stringify({ kind: "session-lens/sides", version: 1, secretsIncluded: true, sides }, null, 1)}\n`,
    );
    console.log(`demo-${variant}.har: ${entries.length} entries`);
  } finally {
    await demo.stop();
  }
}
