/**
 * The codec against the real Starlette 0.26 SessionMiddleware (Debian), live, both directions,
 * on random sessions: byte-identical cookies for the same data and time, the middleware loads
 * ours with the same data in the same key order, and we read and re-sign its cookies exactly.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dict, decodeCookie, signSession } from "../../src/codec";
import { secretText, starletteSession, timestamp } from "./arbitraries";
import { type PyHelper, startPyHelper } from "./pyClient";
import { canonical, canonicalValue, toWireTyped } from "./typedCompare";

const RUNS = { numRuns: 50 };
const STARLETTE_MAX_AGE = 1209600;

interface StarletteDecoded {
  verdict: string;
  data: unknown;
  empty: boolean;
  raised?: string;
}

let py: PyHelper;
beforeAll(async () => {
  py = await startPyHelper();
});
afterAll(async () => {
  await py?.close();
});

async function starletteSign(session: Dict, secret: string, ts: number) {
  const reply = await py.call<{ cookie: string | null }>("starlette_sign", {
    session: toWireTyped(session),
    secret,
    timestamp: ts,
  });
  expect(reply.cookie, "Starlette wrote no session cookie").toEqual(expect.any(String));
  return reply.cookie as string;
}

const starletteDecode = (cookie: string, secret: string, now: number, maxAge?: number | null) =>
  py.call<StarletteDecoded>("starlette_decode", {
    cookie,
    secret,
    now,
    dict_form: "pairs",
    ...(maxAge === undefined ? {} : { max_age: maxAge }),
  });

describe("Starlette 0.26 SessionMiddleware (live)", () => {
  it("ours → Starlette: byte-identical to the middleware's cookie, loaded with the same data in order", async () => {
    await fc.assert(
      fc.asyncProperty(starletteSession(), secretText, timestamp, async (session, secret, ts) => {
        const ours = signSession("starlette", session, { secret, timestamp: ts }).value;
        expect(ours).toBe(await starletteSign(session, secret, ts));
        const loaded = await starletteDecode(ours, secret, ts);
        expect(loaded.verdict).toBe("valid");
        expect(canonical(loaded.data)).toEqual(canonicalValue(session));
      }),
      RUNS,
    );
  });

  it("Starlette → ours: valid, same data in the same order, re-signed to the same bytes", async () => {
    await fc.assert(
      fc.asyncProperty(starletteSession(), secretText, timestamp, async (session, secret, ts) => {
        const cookie = await starletteSign(session, secret, ts);
        const theirs = await starletteDecode(cookie, secret, ts);
        const ours = decodeCookie("starlette", cookie, { secret, now: ts });
        expect(ours.status, ours.detail).toBe("valid");
        expect(ours.timestamp).toBe(ts);
        expect(canonicalValue(ours.data!)).toEqual(canonical(theirs.data));
        expect(signSession("starlette", ours.data!, { secret, timestamp: ts }).value).toBe(cookie);
      }),
      RUNS,
    );
  });

  it("wrong secret: the middleware starts empty and we say bad_signature, both ways", async () => {
    const secrets = fc.uniqueArray(secretText, { minLength: 2, maxLength: 2 });
    await fc.assert(
      fc.asyncProperty(
        starletteSession(),
        secrets,
        timestamp,
        async (session, [right, wrong], ts) => {
          const ours = signSession("starlette", session, { secret: right!, timestamp: ts }).value;
          const loaded = await starletteDecode(ours, wrong!, ts);
          expect(loaded).toMatchObject({ verdict: "BadTimeSignature", empty: true });
          const theirs = await starletteSign(session, right!, ts);
          expect(decodeCookie("starlette", theirs, { secret: wrong!, now: ts }).status).toBe(
            "bad_signature",
          );
        },
      ),
      RUNS,
    );
  });

  it("max_age (default, custom, None): the middleware and we agree on valid vs expired", async () => {
    const maxAge = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: 1, max: 10 * STARLETTE_MAX_AGE }),
    );
    const age = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: -3, max: 20 * STARLETTE_MAX_AGE }),
    );
    await fc.assert(
      fc.asyncProperty(
        starletteSession(),
        secretText,
        timestamp,
        maxAge,
        age,
        async (session, secret, ts, m, a) => {
          const cookie = signSession("starlette", session, { secret, timestamp: ts }).value;
          const loaded = await starletteDecode(cookie, secret, ts + a, m);
          const limit = m === undefined ? STARLETTE_MAX_AGE : m;
          const fresh = limit === null || (a >= 0 && a <= limit);
          expect(loaded.verdict).toBe(fresh ? "valid" : "SignatureExpired");
          expect(loaded.empty).toBe(!fresh);
          const ours = decodeCookie("starlette", cookie, { secret, now: ts + a, maxAge: m });
          expect(ours.status, ours.detail).toBe(fresh ? "valid" : "expired");
        },
      ),
      RUNS,
    );
  });
});
