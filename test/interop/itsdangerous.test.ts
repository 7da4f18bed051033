/**
 * The codec against the real itsdangerous 2.1 URLSafeTimedSerializer (Debian), live: a bare
 * serializer with random salt / key derivation / digest, and starlette-flask's configuration
 * (Flask's signer and salt, itsdangerous' untagged, unsorted, raw-UTF-8 JSON), both directions.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dict, decodeCookie, signSession } from "../../src/codec";
import { secretText, starletteSession, timestamp } from "./arbitraries";
import { type PyHelper, startPyHelper } from "./pyClient";
import { canonical, canonicalValue, toWireTyped } from "./typedCompare";

const RUNS = { numRuns: 40 };
let py: PyHelper;
beforeAll(async () => {
  py = await startPyHelper();
});
afterAll(async () => {
  await py?.close();
});

interface Scheme {
  salt: string;
  keyDerivation: "hmac" | "django-concat" | "concat" | "none";
  digest: "sha1" | "sha256" | "sha512";
}
const scheme: fc.Arbitrary<Scheme> = fc.record({
  salt: fc.oneof(fc.constant("itsdangerous"), fc.string({ unit: "grapheme-ascii", maxLength: 16 })),
  keyDerivation: fc.constantFrom("hmac", "django-concat", "concat", "none"),
  digest: fc.constantFrom("sha1", "sha256", "sha512"),
});
/** starlette-flask: `URLSafeTimedSerializer(secret, salt="cookie-session", hmac, sha1)`. */
const STARLETTE_FLASK: Scheme = { salt: "cookie-session", keyDerivation: "hmac", digest: "sha1" };

const wire = (s: Scheme) => ({ salt: s.salt, key_derivation: s.keyDerivation, digest: s.digest });

async function itsSign(session: Dict, secret: string, ts: number, s: Scheme) {
  const reply = await py.call<{ cookie: string }>("its_sign", {
    session: toWireTyped(session),
    secret,
    timestamp: ts,
    ...wire(s),
  });
  return reply.cookie;
}

const itsDecode = (cookie: string, secret: string, now: number, s: Scheme) =>
  py.call<{ verdict: string; data: unknown }>("its_decode", {
    cookie,
    secret,
    now,
    dict_form: "pairs",
    ...wire(s),
  });

describe("itsdangerous 2.1 URLSafeTimedSerializer (live)", () => {
  it("bare serializer, random salt/derivation/digest: byte-identical, and each reads the other's", async () => {
    await fc.assert(
      fc.asyncProperty(
        starletteSession(),
        secretText,
        timestamp,
        scheme,
        async (session, secret, ts, s) => {
          const theirs = await itsSign(session, secret, ts, s);
          const ours = signSession("itsdangerous", session, { secret, timestamp: ts, ...s }).value;
          expect(ours).toBe(theirs);
          const decoded = decodeCookie("itsdangerous", theirs, { secret, now: ts, ...s });
          expect(decoded.status, decoded.detail).toBe("valid");
          const loaded = await itsDecode(ours, secret, ts, s);
          expect(loaded.verdict).toBe("valid");
          expect(canonicalValue(decoded.data!)).toEqual(canonical(loaded.data));
        },
      ),
      RUNS,
    );
  });

  it("starlette-flask: flask format with --untagged --no-sort-keys --no-ensure-ascii, both ways", async () => {
    const opts = { untagged: true, sortKeys: false, ensureAscii: false };
    await fc.assert(
      fc.asyncProperty(starletteSession(), secretText, timestamp, async (session, secret, ts) => {
        const theirs = await itsSign(session, secret, ts, STARLETTE_FLASK);
        expect(signSession("flask", session, { secret, timestamp: ts, ...opts }).value).toBe(
          theirs,
        );
        const decoded = decodeCookie("flask", theirs, { secret, now: ts, ...opts });
        expect(decoded.status, decoded.detail).toBe("valid");
        expect(canonicalValue(decoded.data!)).toEqual(canonicalValue(session));
      }),
      RUNS,
    );
  });
});
