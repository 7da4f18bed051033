/**
 * The Node library against the real Flask 2.2 (Debian), live over HTTP and through the
 * framework-free core: an Express 5, an Express 4 and a Hono app share one session with a
 * Flask app both ways; random sessions go both ways byte-exactly; fallbacks verify and never
 * sign; expired, foreign and garbage cookies give an empty session and a status, as Flask
 * gives an empty session; permanent sessions get Flask's Expires; oversized ones are refused.
 */

import { createRequire } from "node:module";
import { serve } from "@hono/node-server";
import fc from "fast-check";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../demo/server-process.mjs";
import { type Dict, fromPlain, signSession, toPlain } from "../../src/codec";
import { flaskSession as expressSession } from "../../src/lib/express";
import {
  dumpFlaskSession,
  type FlaskSession,
  loadFlaskSession,
  RequestSession,
  resolveOptions,
  SessionTooLargeError,
} from "../../src/lib/flask";
import { flaskSession as honoSession } from "../../src/lib/hono";
import { flaskSession as flaskSessions, secretText, timestamp } from "./arbitraries";
import { type ShareApps, startShareApps } from "./flaskShareApps.mjs";
import {
  type FlaskRead,
  Jar,
  shareSessionBothWays,
  startFlaskShareApp,
  type Whoami,
} from "./flaskShareHarness";
import { type PyHelper, startPyHelper } from "./pyClient";
import { canonical, canonicalValue, toWireTyped } from "./typedCompare";

// express ships no types and the project has no @types/express: the apps take them as modules.
const require = createRequire(import.meta.url);
const express: unknown = require("express");
const express4: unknown = require("express4");

const SECRET = "shared-secret";
const MAX_AGE = 2678400;

let flask: RunningServer;
let apps: ShareApps;
let py: PyHelper;
beforeAll(async () => {
  [flask, apps, py] = await Promise.all([
    startFlaskShareApp(SECRET),
    startShareApps({
      express: { express5: express, express4 },
      hono: { Hono, serve },
      expressSession,
      honoSession,
      options: { secret: SECRET },
    }),
    startPyHelper(),
  ]);
});
afterAll(async () => {
  await Promise.all([flask?.stop(), apps?.close(), py?.close()]);
});

async function flaskSign(session: Dict, secret: string, ts: number) {
  const reply = await py.call<{ cookie: string; set_cookie: string[] }>("flask_sign", {
    session: toWireTyped(session),
    secret,
    timestamp: ts,
  });
  return reply;
}
const flaskDecode = (cookie: string, secret: string, now: number) =>
  py.call<{ verdict: string; data: unknown; empty: boolean }>("flask_decode", {
    cookie,
    secret,
    now,
    dict_form: "pairs",
  });

describe.each(["express5", "express4", "hono"])(
  "%s shares the session with a live Flask",
  (label) => {
    it("Flask → Node → Flask: JS types on the way in, tuple and datetime intact on the way back", async () => {
      await shareSessionBothWays(flask.url, apps.urls[label] as string);
    });

    it("a permanent session: Flask's Expires, re-sent on each request as Flask does", async () => {
      const jar = new Jar();
      await jar.get(`${flask.url}/login?permanent=1`);
      const flaskLine = jar.lastSetCookie[0] as string;
      const before = Math.floor(Date.now() / 1000);
      await jar.get(`${apps.urls[label]}/noop`);
      const after = Math.floor(Date.now() / 1000);
      const nodeLine = jar.lastSetCookie[0] as string;
      const shape = (line: string) =>
        line.replace(/^session=[^;]*/, "session=V").replace(/Expires=[^;]*/, "Expires=E");
      expect(shape(nodeLine)).toBe(shape(flaskLine));
      const expires = Date.parse(/Expires=([^;]*)/.exec(nodeLine)?.[1] ?? "") / 1000;
      expect(expires).toBeGreaterThanOrEqual(before + MAX_AGE);
      expect(expires).toBeLessThanOrEqual(after + MAX_AGE);
      const back = await jar.json<FlaskRead>(`${flask.url}/read`);
      expect(back.types).toEqual({
        _permanent: "bool",
        login_at: "datetime",
        roles: "tuple",
        user: "str",
      });
    });

    it("a bad, expired or foreign cookie: an empty session and its status, nothing written", async () => {
      const now = Math.floor(Date.now() / 1000);
      const session: Dict = new Map([["user", "mallory"]]);
      const cases: [string, string][] = [
        [(await flaskSign(session, "another secret", now)).cookie, "bad_signature"],
        [(await flaskSign(session, SECRET, now - MAX_AGE - 60)).cookie, "expired"],
        [signSession("starlette", session, { secret: SECRET }).value, "bad_signature"],
        ["garbage", "bad_signature"],
      ];
      for (const [cookie, status] of cases) {
        const jar = new Jar(cookie);
        const seen = await jar.json<Whoami>(`${apps.urls[label]}/whoami`);
        expect(seen, cookie).toEqual({ status, types: {}, values: {} });
        expect(jar.lastSetCookie).toEqual([]);
        expect(
          (await new Jar(cookie).json<FlaskRead>(`${flask.url}/read`)).types,
          "Flask agrees",
        ).toEqual({});
      }
      const none = await new Jar().json<Whoami>(`${apps.urls[label]}/whoami`);
      expect(none.status).toBe("absent");
    });
  },
);

describe.each(["express5", "express4", "hono"])(
  "%s refuses a session too large for a browser",
  (label) => {
    it("answers through the app's error handler, with no cookie and the limit named", async () => {
      const jar = new Jar();
      await jar.get(`${flask.url}/login`);
      const before = jar.value;
      const res = await jar.get(`${apps.urls[label]}/big`);
      expect(res.status).toBe(500);
      expect(await res.text()).toMatch(
        /^SessionTooLargeError: The 'session' session cookie would be \d+ bytes, over the 4093-byte limit/,
      );
      expect(jar.lastSetCookie).toEqual([]);
      expect(jar.value).toBe(before);
    });
  },
);

describe("the core against Flask 2.2 (live), random sessions", () => {
  it("Flask → Node: read and written back untouched, byte-identical to Flask's cookie", async () => {
    await fc.assert(
      fc.asyncProperty(flaskSessions(), secretText, timestamp, async (session, secret, ts) => {
        const { cookie } = await flaskSign(session, secret, ts);
        const loaded = loadFlaskSession(cookie, { secret, now: () => ts });
        expect(loaded.status).toBe("valid");
        expect(dumpFlaskSession(loaded.session, { secret, now: () => ts })).toBe(cookie);
      }),
      { numRuns: 40 },
    );
  });

  it("Node → Flask: the same bytes and Set-Cookie Flask writes for the same data, secret and time", async () => {
    await fc.assert(
      fc.asyncProperty(flaskSessions(), secretText, timestamp, async (faithful, secret, ts) => {
        // What an app assigns: plain JS with no memory of Python types (structuredClone drops it).
        const assigned = structuredClone(toPlain(faithful)) as FlaskSession;
        const data = fromPlain(assigned) as Dict;
        const flaskOwn = await flaskSign(data, secret, ts);
        const request = new RequestSession(undefined, resolveOptions({ secret, now: () => ts }));
        request.session = assigned;
        expect(request.finish().setCookie).toBe(flaskOwn.set_cookie[0]);
        expect(dumpFlaskSession(assigned, { secret, now: () => ts })).toBe(flaskOwn.cookie);
        const read = await flaskDecode(flaskOwn.cookie, secret, ts);
        expect(canonical(read.data, true)).toEqual(canonicalValue(data, true));
      }),
      { numRuns: 40 },
    );
  });
});

describe("fallbacks verify, never sign", () => {
  it("a cookie signed with a fallback reads as valid; the rewrite is signed with the secret", async () => {
    const now = Math.floor(Date.now() / 1000);
    const { cookie } = await flaskSign(new Map([["user", "alice"]]), "old secret", now);
    const options = { secret: "new secret", fallbacks: ["old secret"], now: () => now };
    const loaded = loadFlaskSession(cookie, options);
    expect([loaded.status, loaded.key, loaded.session]).toEqual([
      "valid",
      "fallback:0",
      { user: "alice" },
    ]);
    loaded.session.user = "bob";
    const written = dumpFlaskSession(loaded.session, options);
    expect((await flaskDecode(written, "new secret", now)).verdict).toBe("valid");
    expect((await flaskDecode(written, "old secret", now)).verdict).toBe("BadTimeSignature");
  });
});

describe("a session too large for a browser", () => {
  it("is refused with an error that says so, over HTTP and in the core", async () => {
    let noise = "";
    for (let i = 0; noise.length < 6000; i++) noise += ((i * 2654435761) >>> 0).toString(36);
    expect(() => dumpFlaskSession({ noise }, { secret: SECRET })).toThrow(SessionTooLargeError);
    expect(() => dumpFlaskSession({ noise }, { secret: SECRET })).toThrow(
      /over the 4093-byte limit/,
    );
    const request = new RequestSession(undefined, resolveOptions({ secret: SECRET }));
    (request.session as FlaskSession).noise = noise;
    expect(() => request.finish()).toThrow(SessionTooLargeError);
  });
});
