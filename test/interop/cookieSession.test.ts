/**
 * The codec against the real npm `cookie-session` 2.1 (keygrip, keys newest first) in a live
 * express app: for random JSON sessions our `value` and `.sig` equal the cookies the middleware
 * sets, the middleware restores our cookie, and we read and re-sign its cookies exactly,
 * including a key-rotation fallback and the wrong-key case.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dict, decodeCookie, signSession } from "../../src/codec";
import { cookieSessionData, secretText, toJsObject } from "./arbitraries";
import { asciiJson, type NodeApps, setCookies, startNodeApps } from "./nodeApps";
import { canonicalValue } from "./typedCompare";

const RUNS = { numRuns: 50 };
let apps: NodeApps;
beforeAll(async () => {
  apps = await startNodeApps();
});
afterAll(async () => {
  await apps?.close();
});

async function frameworkSign(session: Dict, keys: string[]) {
  const res = await fetch(`${apps.url}/cs/set`, {
    method: "POST",
    headers: { "x-keys": asciiJson(keys) },
    body: JSON.stringify(toJsObject(session)),
  });
  expect(res.status).toBe(204);
  const cookies = setCookies(res);
  return { value: cookies.get("session")!, sig: cookies.get("session.sig")! };
}

async function frameworkRead(cookie: { value: string; sig?: string }, keys: string[]) {
  const res = await fetch(`${apps.url}/cs/read`, {
    headers: {
      "x-keys": asciiJson(keys),
      cookie: `session=${cookie.value}; session.sig=${cookie.sig}`,
    },
  });
  return ((await res.json()) as { session: unknown }).session;
}

const keyList = fc.uniqueArray(secretText, {
  minLength: 1,
  maxLength: 3,
});

describe("cookie-session 2.1 (live express app)", () => {
  it("ours → cookie-session: value and .sig identical to the middleware's, and it restores the data", async () => {
    await fc.assert(
      fc.asyncProperty(cookieSessionData(), keyList, async (session, keys) => {
        const [secret, ...fallbacks] = keys as [string, ...string[]];
        const ours = signSession("cookie-session", session, { secret, fallbacks, name: "session" });
        expect(ours).toEqual(await frameworkSign(session, keys));
        expect(await frameworkRead(ours, keys)).toEqual(toJsObject(session));
      }),
      RUNS,
    );
  });

  it("cookie-session → ours: valid with the same data in the same order, re-signed to the same pair", async () => {
    await fc.assert(
      fc.asyncProperty(cookieSessionData(), keyList, async (session, keys) => {
        const [secret, ...fallbacks] = keys as [string, ...string[]];
        const theirs = await frameworkSign(session, keys);
        const ours = decodeCookie("cookie-session", theirs.value, {
          secret,
          fallbacks,
          sig: theirs.sig,
        });
        expect(ours.status, ours.detail).toBe("valid");
        expect(ours.key).toBe("secret");
        expect(canonicalValue(ours.data!, false, true)).toEqual(
          canonicalValue(session, false, true),
        );
        expect(signSession("cookie-session", ours.data!, { secret, fallbacks })).toEqual(theirs);
      }),
      RUNS,
    );
  });

  it("rotation: a cookie signed with an older key verifies as that fallback, as keygrip accepts it", async () => {
    const keys = fc.uniqueArray(secretText, {
      minLength: 2,
      maxLength: 2,
    });
    await fc.assert(
      fc.asyncProperty(cookieSessionData(), keys, async (session, [current, old]) => {
        const theirs = await frameworkSign(session, [old!]);
        expect(await frameworkRead(theirs, [current!, old!])).toEqual(toJsObject(session));
        const ours = decodeCookie("cookie-session", theirs.value, {
          secret: current!,
          fallbacks: [old!],
          sig: theirs.sig,
        });
        expect([ours.status, ours.key]).toEqual(["valid", "fallback:0"]);
      }),
      { numRuns: 20 },
    );
  });

  it("wrong key: the middleware starts empty and we say bad_signature, both ways", async () => {
    const keys = fc.uniqueArray(secretText, {
      minLength: 2,
      maxLength: 2,
    });
    await fc.assert(
      fc.asyncProperty(cookieSessionData(), keys, async (session, [right, wrong]) => {
        const ours = signSession("cookie-session", session, { secret: right! });
        expect(await frameworkRead(ours, [wrong!])).toEqual({});
        const theirs = await frameworkSign(session, [right!]);
        const decoded = decodeCookie("cookie-session", theirs.value, {
          secret: wrong!,
          sig: theirs.sig,
        });
        expect(decoded.status).toBe("bad_signature");
      }),
      RUNS,
    );
  });
});
