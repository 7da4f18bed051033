/**
 * Random background rings for the timeline builder's property test: Set-Cookie sightings and
 * cookie changes as the panel receives them (one seq counter, requests that overlap and finish
 * out of order, inserts that confirm a header, removal+insert updates, deletions, a double
 * Set-Cookie in one response, cookie-session's `.sig`, panel writes, oversize and unreadable
 * values, a cookie tracked only by its shape), played into a small ring that drops its oldest.
 */
import fc from "fast-check";
import { signSession } from "../../../src/codec";
import { dict, type Value } from "../../../src/codec/value";
import type { CookieChange, SetCookieSeen } from "../../../src/model/change";
import { browserCookie } from "../../../src/model/cookie";
import type { Side } from "../../../src/model/side";
import { parseSetCookie } from "../../../src/timeline/setCookieHeader";

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const ORIGIN = "http://127.0.0.1:8000";

const side = (id: string, format: Side["format"], cookieName: string, prefix: string): Side => ({
  id,
  label: `${id} app`,
  format,
  cookieName,
  pathPrefix: prefix,
  secret: { value: `${id}-secret`, encoding: "utf8" },
  fallbacks: [],
  options: {},
});
export const SIDES: readonly Side[] = [
  side("flask", "flask", "session", "/flask-application"),
  side("fastapi", "starlette", "session", "/fastapi-application"),
  side("node", "cookie-session", "cs", "/node"),
];

const sign = (format: Side["format"], secret: string, data: [string, Value][], ts: number) =>
  signSession(format, dict(data), { secret, timestamp: T0 / 1000 + ts, name: "cs" });

/** Pseudo-random text (a fixed LCG) that zlib cannot shrink: a Flask cookie past 4096 bytes. */
let lcg = 7;
const noise = Array.from({ length: 5000 }, () => {
  lcg = (lcg * 1103515245 + 12345) % 2147483648;
  return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[lcg % 62];
}).join("");

const alice = (extra: [string, Value][] = []): [string, Value][] => [["user", "alice"], ...extra];
const flaskValues = [
  sign("flask", "flask-secret", alice(), 0).value,
  sign("flask", "flask-secret", alice(), 1).value, // the same session re-sent
  sign("flask", "flask-secret", alice([["cart", 3]]), 2).value,
  sign("flask", "flask-secret", alice([["theme", "dark"]]), 2).value,
  sign("flask", "flask-secret", alice([["blob", noise]]), 3).value,
];
const starletteValues = [
  sign("starlette", "fastapi-secret", [["visits", 1]], 0).value,
  sign("starlette", "fastapi-secret", [["visits", 1]], 1).value,
  sign("starlette", "fastapi-secret", [["visits", 2]], 2).value,
];
const nodeSigned = [
  sign("cookie-session", "node-secret", [["n", 1]], 0),
  sign("cookie-session", "node-secret", [["n", 2]], 0),
];
const strangerFlask = sign("flask", "someone-elses-secret", [["id", 9]], 0).value;

/** Values per cookie name; "" and odd text included. */
const VALUES: Record<string, readonly string[]> = {
  session: [...flaskValues, ...starletteValues, "", "null", "not-a-session"],
  cs: [...nodeSigned.map((s) => s.value), ""],
  "cs.sig": [...nodeSigned.map((s) => s.sig ?? ""), "forged"],
  // Tracked only once a value of that shape was seen (no side declares it).
  other: [strangerFlask, "plain", ""],
};
const NAMES = Object.keys(VALUES);

const REQUEST_PATHS = [
  "/flask-application/a",
  "/fastapi-application/b",
  "/node/c",
  "/",
  "/flask-application/deep/x",
];
const COOKIE_PATHS = ["/", "/flask-application", null] as const;

interface HeaderSpec {
  name: number;
  value: number;
  path: number;
  domain: boolean;
  ending: "none" | "max-age-0" | "max-age" | "expired" | "expires";
}
/** Mostly `session` on `/`, so writes meet the writes before them; the rest now and then. */
const weighted = (...weights: number[]) =>
  fc.oneof(...weights.map((weight, i) => ({ arbitrary: fc.constant(i), weight })));
const nameIndex = weighted(6, 2, 1, 1);
const rarely = weighted(5, 1).map((i) => i === 1);
const header = fc.record<HeaderSpec>({
  name: nameIndex,
  value: fc.nat(20),
  path: weighted(6, 1, 1),
  domain: rarely,
  ending: fc.constantFrom("none", "none", "max-age-0", "max-age", "expired", "expires"),
});

export type Step =
  | {
      kind: "seen";
      gap: number;
      back: number;
      duration: number;
      url: number;
      headers: HeaderSpec[];
    }
  /** Repeats a header already set, so two headers of one response are the same cookie. */
  | {
      kind: "double";
      gap: number;
      back: number;
      duration: number;
      url: number;
      first: HeaderSpec;
      second: number;
    }
  /** A cookies.onChanged insert (or removal) that a recent header explains. */
  | { kind: "echo"; gap: number; pick: number; byPanel: boolean; update: boolean }
  | {
      kind: "change";
      gap: number;
      name: number;
      value: number;
      path: number;
      removed: boolean;
      cause: string;
      byPanel: boolean;
      update: boolean;
    };

const gap = fc.nat(700);
export const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("seen" as const),
    gap,
    back: fc.nat(1500),
    duration: fc.nat(1500),
    url: fc.nat(REQUEST_PATHS.length - 1),
    headers: fc.array(header, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("double" as const),
    gap,
    back: fc.nat(1500),
    duration: fc.nat(1500),
    url: fc.nat(REQUEST_PATHS.length - 1),
    first: header,
    second: fc.nat(20),
  }),
  fc.record({
    kind: fc.constant("echo" as const),
    gap,
    pick: fc.nat(8),
    byPanel: rarely,
    update: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("change" as const),
    gap,
    name: nameIndex,
    value: fc.nat(20),
    path: weighted(4, 1),
    removed: rarely,
    cause: fc.constantFrom("explicit", "overwrite", "expired", "evicted", "expired_overwrite"),
    byPanel: rarely,
    update: fc.boolean(),
  }),
);

export interface Ring {
  seen: SetCookieSeen[];
  changes: CookieChange[];
}

/** Plays steps into a ring of `capacity` records per list; `after` sees the ring after each record. */
export function play(steps: readonly Step[], capacity: number, after: (ring: Ring) => void): void {
  let seq = 1;
  let now = T0;
  const ring: Ring = { seen: [], changes: [] };
  const recent: { text: string; url: string; end: number }[] = [];
  const push = <T>(list: T[], r: T) => {
    list.push(r);
    if (list.length > capacity) list.shift();
    after({ seen: [...ring.seen], changes: [...ring.changes] });
  };
  const headerText = (h: HeaderSpec, value?: number) => {
    const name = NAMES[h.name] as string;
    const values = VALUES[name] as readonly string[];
    const parts = [`${name}=${values[(value ?? h.value) % values.length]}`];
    const path = COOKIE_PATHS[h.path];
    if (path) parts.push(`Path=${path}`);
    if (h.domain) parts.push("Domain=127.0.0.1");
    if (h.ending === "max-age-0") parts.push("Max-Age=0");
    if (h.ending === "max-age") parts.push("Max-Age=3600");
    if (h.ending === "expired") parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    if (h.ending === "expires") parts.push("Expires=Fri, 01 Jan 2027 00:00:00 GMT");
    return parts.join("; ");
  };
  const change = (
    cookie: ReturnType<typeof browserCookie>,
    removed: boolean,
    cause: string,
    byPanel: boolean,
  ): CookieChange => ({
    seq: seq++,
    at: now,
    removed,
    cause,
    cookie,
    ...(byPanel ? { byPanel: true as const } : {}),
  });
  const changes = (
    cookie: ReturnType<typeof browserCookie>,
    s: { removed: boolean; cause: string; byPanel: boolean; update: boolean },
  ) => {
    if (s.update && !s.removed) push(ring.changes, change(cookie, true, "overwrite", false));
    push(ring.changes, change(cookie, s.removed, s.cause, s.byPanel));
  };
  for (const s of steps) {
    now += s.gap;
    if (s.kind === "seen" || s.kind === "double") {
      const texts =
        s.kind === "seen"
          ? s.headers.map((h) => headerText(h))
          : [headerText(s.first), headerText(s.first, s.second)];
      const url = `${ORIGIN}${REQUEST_PATHS[s.url]}`;
      const startedAt = now - s.back;
      const seen: SetCookieSeen = {
        seq,
        request: { url, method: "GET", status: 200, startedAt, durationMs: s.duration },
        setCookies: texts,
      };
      seq += texts.length;
      for (const text of texts) recent.unshift({ text, url, end: startedAt + s.duration });
      recent.length = Math.min(recent.length, 9);
      push(ring.seen, seen);
    } else if (s.kind === "echo") {
      const r = recent[s.pick % Math.max(1, recent.length)];
      const h = r && parseSetCookie(r.text, r.url);
      if (!r || !h) continue;
      const gone =
        h.value === "" ||
        (h.maxAge !== null ? h.maxAge <= 0 : h.expires !== null && h.expires <= r.end);
      const cookie = browserCookie({ ...h.identity, value: h.value });
      changes(cookie, {
        removed: gone,
        cause: gone ? "expired_overwrite" : "explicit",
        byPanel: s.byPanel,
        update: s.update,
      });
    } else {
      const name = NAMES[s.name] as string;
      const values = VALUES[name] as readonly string[];
      const cookie = browserCookie({
        name,
        value: values[s.value % values.length] as string,
        path: s.path === 0 ? "/" : "/flask-application",
      });
      changes(cookie, s);
    }
  }
}
