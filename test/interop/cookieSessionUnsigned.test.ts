/**
 * cookie-session with `signed: false`, live: the real middleware writes no `.sig` and reads any
 * value, and its Session object hides the keys it already has (`isNew`, `constructor`, …).
 * Ours signs without a key to the same bytes and reads what the app reads.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dict, decodeCookie, signSession, toTypedJson } from "../../src/codec";
import { cookieSessionData, toJsObject } from "./arbitraries";
import { type NodeApps, setCookies, startNodeApps } from "./nodeApps";

let apps: NodeApps;
beforeAll(async () => {
  apps = await startNodeApps();
});
afterAll(async () => {
  await apps?.close();
});

async function frameworkSign(session: Dict) {
  const res = await fetch(`${apps.url}/cs-unsigned/set`, {
    method: "POST",
    body: JSON.stringify(toJsObject(session)),
  });
  expect(res.status).toBe(204);
  return setCookies(res);
}

async function frameworkRead(value: string): Promise<unknown> {
  const res = await fetch(`${apps.url}/cs-unsigned/read`, {
    headers: { cookie: `session=${value}` },
  });
  return ((await res.json()) as { session: unknown }).session;
}

describe("cookie-session 2.1 with signed: false (live express app)", () => {
  it("writes no .sig, and ours signs the same value without a key", async () => {
    await fc.assert(
      fc.asyncProperty(cookieSessionData(), async (session) => {
        const cookies = await frameworkSign(session);
        expect(cookies.has("session.sig")).toBe(false);
        expect(signSession("cookie-session", session, { signed: false })).toEqual({
          value: cookies.get("session"),
        });
      }),
      { numRuns: 30 },
    );
  });

  it("the app reads any value it is given, and ours reads it as valid with no key", async () => {
    const forged = Buffer.from('{"user":"anyone","admin":true}').toString("base64");
    expect(await frameworkRead(forged)).toEqual({ user: "anyone", admin: true });
    const ours = decodeCookie("cookie-session", forged, { signed: false });
    expect(ours.status).toBe("valid");
    expect(ours.key).toBeNull();
    expect(ours.detail).toMatch(/signed: false/);
  });

  it("keys the Session object already has are dropped, as the app sees them", async () => {
    const json = '{"isNew":1,"isPopulated":2,"constructor":3,"toString":4,"_ctx":5,"user":"ada"}';
    const value = Buffer.from(json).toString("base64");
    const seen = await frameworkRead(value);
    const ours = decodeCookie("cookie-session", value, { signed: false });
    expect(JSON.parse(toTypedJson(ours.data!))).toEqual(seen);
    expect(seen).toEqual({ user: "ada" });
    expect(ours.detail).toMatch(
      /does not see "isNew", "isPopulated", "constructor", "toString", "_ctx"/,
    );
  });

  it.each(['"abc"', "[1,[2]]", "5", "true", "null", "0", '""', '\ufeff{"user":"ada"}'])(
    "a payload of %s reads as the app's Session object holds it",
    async (json) => {
      const value = Buffer.from(json).toString("base64");
      const seen = await frameworkRead(value);
      const ours = decodeCookie("cookie-session", value, { signed: false });
      if (ours.status === "valid") expect(JSON.parse(toTypedJson(ours.data!))).toEqual(seen);
      else expect([ours.status, seen]).toEqual(["bad_payload", {}]); // a new, empty session
    },
  );
});
