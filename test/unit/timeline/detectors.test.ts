/**
 * Each detector from a recorded-like sequence signed by the real codec: the finding, its
 * evidence rows, its words and its fix. (The scenario vectors are in vectors.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { signSession } from "../../../src/codec";
import { dict, type Value } from "../../../src/codec/value";
import type { SetCookieSeen } from "../../../src/model/change";
import type { Side } from "../../../src/model/side";
import { buildTimeline } from "../../../src/timeline";

const T0 = Date.UTC(2026, 0, 1, 12, 1, 0);
const flask: Side = {
  id: "flask",
  label: "Flask app",
  format: "flask",
  cookieName: "session",
  pathPrefix: "/flask-application",
  secret: { value: "s3", encoding: "utf8" },
  fallbacks: [],
  options: {},
};
const fastapi: Side = {
  ...flask,
  id: "fastapi",
  label: "FastAPI app",
  format: "starlette",
  pathPrefix: "/fastapi-application",
};
const sides = [flask, fastapi];

const flaskCookie = (data: [string, Value][], ts = T0 / 1000) =>
  signSession("flask", dict(data), { secret: "s3", timestamp: ts }).value;

let nextSeq = 1;
function seen(
  path: string,
  startMs: number,
  durationMs: number,
  ...headers: string[]
): SetCookieSeen {
  const s: SetCookieSeen = {
    seq: nextSeq,
    request: {
      url: `http://127.0.0.1:8000${path}`,
      method: "GET",
      status: 200,
      startedAt: startMs,
      durationMs,
    },
    setCookies: headers,
  };
  nextSeq += headers.length;
  return s;
}
const run = (list: SetCookieSeen[]) =>
  buildTimeline({ seen: list, changes: [], hasChangeFeed: false }, sides);

describe("concurrent-race", () => {
  it("the request that started first and finished last wins; the other's keys are lost", () => {
    nextSeq = 1;
    const base = seen(
      "/flask-application/login",
      T0,
      10,
      `session=${flaskCookie([["user", "alice"]])}; Path=/`,
    );
    const slow = seen(
      "/flask-application/slow",
      T0 + 1000,
      900,
      `session=${flaskCookie(
        [
          ["user", "alice"],
          ["theme", "dark"],
        ],
        T0 / 1000 + 2,
      )}; Path=/`,
    );
    const fast = seen(
      "/flask-application/cart",
      T0 + 1100,
      100,
      `session=${flaskCookie(
        [
          ["user", "alice"],
          ["cart", "3 items"],
        ],
        T0 / 1000 + 1,
      )}; Path=/`,
    );
    const t = run([base, slow, fast]);
    expect(t.writes.map((w) => w.seq)).toEqual([1, 3, 2]); // applied by when each finished
    expect(t.findings.map((f) => [f.kind, f.evidence])).toEqual([["concurrent-race", [3, 2]]]);
    const [race] = t.findings;
    expect(race?.detail).toContain(
      "GET /flask-application/slow started before it but finished after it",
    );
    expect(race?.detail).toContain("`cart` from GET /flask-application/cart is lost");
    expect(race?.fix).toContain("await fetch(first);");
  });

  it("two overlapping requests that keep each other's keys are no race", () => {
    nextSeq = 1;
    const both = flaskCookie([
      ["user", "alice"],
      ["cart", "3 items"],
    ]);
    const t = run([
      seen("/flask-application/a", T0, 500, `session=${both}; Path=/`),
      seen("/flask-application/b", T0 + 100, 100, `session=${both}; Path=/`),
    ]);
    expect(t.findings.filter((f) => f.kind === "concurrent-race")).toEqual([]);
  });
});

describe("double-set-cookie", () => {
  it("the inner app's keys the kept cookie lacks or holds with other values never arrive", () => {
    nextSeq = 1;
    const outer = signSession(
      "starlette",
      dict([
        ["user", "bob"],
        ["counter", 1],
      ]),
      { secret: "s3", timestamp: T0 / 1000 },
    ).value;
    const inner = flaskCookie([
      ["user", "alice"],
      ["counter", 1],
      ["roles", "editor"],
    ]);
    const t = run([
      seen(
        "/flask-application/set-session",
        T0,
        5,
        `session=${inner}; HttpOnly; Path=/`,
        `session=${outer}; path=/; Max-Age=1209600; httponly; samesite=lax`,
      ),
    ]);
    expect(t.findings.map((f) => [f.kind, f.evidence])).toEqual([["double-set-cookie", [1, 2]]]);
    const [f] = t.findings;
    expect(f?.detail).toContain("(from Flask app, then FastAPI app)");
    // `user` is in both cookies, but Flask's alice never reached the browser; `counter` did.
    expect(f?.detail).toContain("Flask app's keys `roles` and `user` never reached the browser");
  });

  it("counts a hostile response's thousands of headers in one short sentence", () => {
    nextSeq = 1;
    const cookie = `session=${flaskCookie([["user", "alice"]])}; Path=/`;
    const foreign = `session=${signSession("flask", dict([["n", 1]]), { secret: "other" }).value}; Path=/`;
    const headers = [
      foreign,
      foreign,
      ...Array<string>(20_000).fill(cookie),
      foreign,
      cookie,
      foreign,
    ];
    const t = run([seen("/", T0, 5, ...headers)]);
    const [f] = t.findings;
    expect(f?.kind).toBe("double-set-cookie");
    expect(f?.evidence).toHaveLength(headers.length);
    expect(f?.detail).toContain(
      "(from an unknown writer 2 times, then Flask app 20,000 times, then an unknown writer, then Flask app, then 1 more)",
    );
    expect(f?.detail.length).toBeLessThan(600);
    // every write of the response shares one list of the response's seqs, not a copy each
    expect(new Set(t.writes.map((w) => w.sameResponse)).size).toBe(1);
  });
});

describe("deleting-write", () => {
  it("a Max-Age=0 from one app wipes the session the other still reads", () => {
    nextSeq = 1;
    const t = run([
      seen(
        "/flask-application/login",
        T0,
        5,
        `session=${flaskCookie([
          ["user_id", 7],
          ["_fresh", true],
        ])}; Path=/`,
      ),
      seen(
        "/fastapi-application/logout",
        T0 + 3000,
        5,
        "session=null; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT",
      ),
    ]);
    expect(t.findings.map((f) => [f.kind, f.evidence])).toEqual([["deleting-write", [1, 2]]]);
    const [f] = t.findings;
    expect(f?.detail).toContain("FastAPI app deleted `session` (Path=/) at 12:01:03 UTC");
    expect(f?.detail).toContain("`session=null` with a past expiry");
    expect(f?.detail).toContain(
      "Flask app still read it, so its keys `_fresh` and `user_id` are gone",
    );
    expect(f?.fix).toContain('session_cookie="fastapi_session", path="/fastapi-application"');
    expect(t.writes[1]?.diff.removed).toEqual(["_fresh", "user_id"]);
  });

  it("an app deleting its own session is a logout, not a finding", () => {
    nextSeq = 1;
    const t = run([
      seen("/flask-application/login", T0, 5, `session=${flaskCookie([["user", "a"]])}; Path=/`),
      seen(
        "/flask-application/logout",
        T0 + 10,
        5,
        "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
      ),
    ]);
    expect(t.findings).toEqual([]);
  });
});

describe("oversize", () => {
  it("a cookie over 4096 bytes is refused; the jar keeps the previous value", () => {
    nextSeq = 1;
    let x = 7; // incompressible enough that zlib cannot bring it under the limit
    const noise = Array.from({ length: 9000 }, () => {
      x = (x * 48271) % 2147483647;
      return (x % 36).toString(36);
    });
    const big = flaskCookie([["blob", noise.join("")]]);
    const small = flaskCookie([["user", "alice"]]);
    const t = run([
      seen("/flask-application/login", T0, 5, `session=${small}; Path=/`),
      seen("/flask-application/upload", T0 + 10, 5, `session=${big}; Path=/`),
      seen(
        "/flask-application/next",
        T0 + 20,
        5,
        `session=${flaskCookie([
          ["user", "alice"],
          ["n", 1],
        ])}; Path=/`,
      ),
    ]);
    expect(t.findings.map((f) => [f.kind, f.evidence])).toEqual([["oversize", [2]]]);
    const bytes = t.writes[1]?.bytes ?? 0;
    expect(bytes).toBeGreaterThan(4096);
    expect(t.findings[0]?.detail).toContain(`with ${bytes} bytes (name + value)`);
    expect(t.findings[0]?.detail).toContain("over 4096 bytes");
    expect(t.writes[2]?.previousSeq).toBe(1);
    expect(t.writes[2]?.diff).toEqual({ added: ["n"], removed: [], changed: [] });
  });
});

describe("shadowed", () => {
  it("one name on two paths: which copy each app reads", () => {
    nextSeq = 1;
    const t = run([
      seen("/flask-application/login", T0, 5, `session=${flaskCookie([["user", "a"]])}; Path=/`),
      seen(
        "/flask-application/x",
        T0 + 10,
        5,
        `session=${flaskCookie([["user", "b"]])}; Path=/flask-application`,
      ),
    ]);
    expect(t.findings.map((f) => [f.kind, f.evidence])).toEqual([["shadowed", [1, 2]]]);
    const [f] = t.findings;
    expect(f?.detail).toContain("`session` now exists 2 times");
    expect(f?.detail).toContain(
      "requests to /flask-application send Path=/flask-application then Path=/, and Flask app reads Path=/flask-application (the first)",
    );
    expect(f?.fix).toContain("Max-Age=0");
  });

  it("a default Path is the request path's directory (RFC 6265), keyed apart from Path=/", () => {
    nextSeq = 1;
    const t = run([
      seen("/flask-application/login", T0, 5, `session=${flaskCookie([["user", "a"]])}`),
    ]);
    expect(t.writes[0]?.identity.path).toBe("/flask-application");
  });
});

describe("resign-every-response for Flask", () => {
  it("a permanent session re-sent unchanged names SESSION_REFRESH_EACH_REQUEST", () => {
    nextSeq = 1;
    const data: [string, Value][] = [["user", "alice"]];
    const exp = "Expires=Sat, 31 Jan 2026 12:00:00 GMT";
    const t = run([
      seen("/flask-application/a", T0, 5, `session=${flaskCookie(data)}; ${exp}; Path=/`),
      seen(
        "/flask-application/b",
        T0 + 2000,
        5,
        `session=${flaskCookie(data, T0 / 1000 + 2)}; ${exp}; Path=/`,
      ),
    ]);
    expect(t.findings.map((f) => [f.kind, f.evidence])).toEqual([
      ["resign-every-response", [1, 2]],
    ]);
    expect(t.findings[0]?.fix).toContain('app.config["SESSION_REFRESH_EACH_REQUEST"] = False');
    expect(t.writes[1]?.diff).toEqual({ added: [], removed: [], changed: [] });
  });
});

it("an unknown writer carries the detected format", () => {
  nextSeq = 1;
  const other = signSession("flask", dict([["a", 1]]), {
    secret: "not-ours",
    timestamp: T0 / 1000,
  }).value;
  const t = run([seen("/elsewhere", T0, 5, `session=${other}; Path=/`)]);
  expect(t.writes[0]?.writer).toEqual({ kind: "unknown", format: "flask" });
  expect(t.writes[0]?.readers.map((r) => r.status)).toEqual(["bad_signature", "bad_signature"]);
});
