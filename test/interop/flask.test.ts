/**
 * The codec against the real Flask 2.2 (Debian), live, both directions, on random sessions:
 * our cookie is byte-identical to the one Flask writes for the same data and time (JSON provider
 * options and the zlib decision included), Flask loads it with the same data, and we read and
 * re-sign Flask's own cookies to the same bytes. Flask 2.2 has no SECRET_KEY_FALLBACKS, so there
 * is no fallback property here: faking one would test nothing Flask 2.2 does.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dict, decodeCookie, signSession, toTypedJson } from "../../src/codec";
import { flaskSession, secretText, timestamp } from "./arbitraries";
import { type PyHelper, startPyHelper } from "./pyClient";
import { canonical, canonicalValue, toWireTyped } from "./typedCompare";

const RUNS = { numRuns: 50 };
const FLASK_MAX_AGE = 2678400;

interface FlaskDecoded {
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

interface JsonOptions {
  sortKeys?: boolean;
  ensureAscii?: boolean;
}

async function flaskSign(session: Dict, secret: string, ts: number, o: JsonOptions = {}) {
  const reply = await py.call<{ cookie: string | null }>("flask_sign", {
    session: toWireTyped(session),
    secret,
    timestamp: ts,
    sort_keys: o.sortKeys ?? true,
    ensure_ascii: o.ensureAscii ?? true,
  });
  expect(reply.cookie, "Flask wrote no session cookie").toEqual(expect.any(String));
  return reply.cookie as string;
}

const flaskDecode = (cookie: string, secret: string, now: number) =>
  py.call<FlaskDecoded>("flask_decode", { cookie, secret, now, dict_form: "pairs" });

const jsonOptions = fc.record({ sortKeys: fc.boolean(), ensureAscii: fc.boolean() });

describe("Flask 2.2 (live)", () => {
  it("ours → Flask: byte-identical to Flask's own cookie, and Flask loads the same data", async () => {
    await fc.assert(
      fc.asyncProperty(flaskSession(), secretText, timestamp, async (session, secret, ts) => {
        const ours = signSession("flask", session, { secret, timestamp: ts }).value;
        expect(ours).toBe(await flaskSign(session, secret, ts));
        const loaded = await flaskDecode(ours, secret, ts);
        expect(loaded.verdict).toBe("valid");
        expect(canonical(loaded.data, true)).toEqual(canonicalValue(session, true));
      }),
      RUNS,
    );
  });

  it("Flask → ours: valid, same data in payload order, same typed JSON, re-signed to the same bytes", async () => {
    await fc.assert(
      fc.asyncProperty(flaskSession(), secretText, timestamp, async (session, secret, ts) => {
        const cookie = await flaskSign(session, secret, ts);
        const theirs = await flaskDecode(cookie, secret, ts);
        const ours = decodeCookie("flask", cookie, { secret, now: ts });
        expect(ours.status, ours.detail).toBe("valid");
        expect(ours.timestamp).toBe(ts);
        expect(canonicalValue(ours.data!)).toEqual(canonical(theirs.data));
        expect(canonical(JSON.parse(toTypedJson(ours.data!)), true)).toEqual(
          canonical(theirs.data, true),
        );
        expect(signSession("flask", ours.data!, { secret, timestamp: ts }).value).toBe(cookie);
      }),
      RUNS,
    );
  });

  it("JSON provider options (sort_keys / ensure_ascii): byte-identical both ways", async () => {
    await fc.assert(
      fc.asyncProperty(
        flaskSession(),
        secretText,
        timestamp,
        jsonOptions,
        async (session, secret, ts, o) => {
          const cookie = await flaskSign(session, secret, ts, o);
          expect(signSession("flask", session, { secret, timestamp: ts, ...o }).value).toBe(cookie);
          const ours = decodeCookie("flask", cookie, { secret, now: ts });
          expect(ours.status, ours.detail).toBe("valid");
          const resigned = signSession("flask", ours.data!, { secret, timestamp: ts, ...o });
          expect(resigned.value).toBe(cookie);
        },
      ),
      RUNS,
    );
  });

  it("wrong secret: Flask starts an empty session and we say bad_signature, both ways", async () => {
    const secrets = fc.uniqueArray(secretText, { minLength: 2, maxLength: 2 });
    await fc.assert(
      fc.asyncProperty(flaskSession(), secrets, timestamp, async (session, [right, wrong], ts) => {
        const ours = signSession("flask", session, { secret: right!, timestamp: ts }).value;
        const loaded = await flaskDecode(ours, wrong!, ts);
        expect(loaded).toMatchObject({ verdict: "BadTimeSignature", empty: true });
        const theirs = await flaskSign(session, right!, ts);
        expect(decodeCookie("flask", theirs, { secret: wrong!, now: ts }).status).toBe(
          "bad_signature",
        );
      }),
      RUNS,
    );
  });

  it("max age: Flask and we agree on valid vs expired around the 31-day line and the future", async () => {
    const age = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: FLASK_MAX_AGE - 3, max: FLASK_MAX_AGE + 3 }),
      fc.integer({ min: -10 * FLASK_MAX_AGE, max: 10 * FLASK_MAX_AGE }),
    );
    await fc.assert(
      fc.asyncProperty(
        flaskSession(),
        secretText,
        timestamp,
        age,
        async (session, secret, ts, a) => {
          const cookie = signSession("flask", session, { secret, timestamp: ts }).value;
          const loaded = await flaskDecode(cookie, secret, ts + a);
          const ours = decodeCookie("flask", cookie, { secret, now: ts + a });
          const expected = loaded.verdict === "valid" ? "valid" : "expired";
          expect(loaded.verdict).toBe(a >= 0 && a <= FLASK_MAX_AGE ? "valid" : "SignatureExpired");
          expect(ours.status, ours.detail).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});
