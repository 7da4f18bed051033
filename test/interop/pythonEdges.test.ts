/**
 * Edge cases taken from the Python frameworks' own behaviour, checked live against Debian's
 * Flask, Starlette and itsdangerous: the codec's verdict must be the one the framework acts on
 * (a session it loads is valid, one it rejects or crashes on is not).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCookie, dict, signSession } from "../../src/codec";
import {
  flaskCookie,
  itsTimestamp,
  SECRET as SIGNER_SECRET,
  starletteCookie,
} from "../unit/independentSigners";
import { type PyHelper, startPyHelper } from "./pyClient";

interface Decoded {
  verdict: string;
  data: unknown;
  empty: boolean;
  raised?: string;
}

const SECRET = "edge-secret";
const TS = 1767237945;
let py: PyHelper;
beforeAll(async () => {
  py = await startPyHelper();
});
afterAll(async () => {
  await py?.close();
});

const starletteDecode = (cookie: string, now: number, maxAge?: number | null) =>
  py.call<Decoded>("starlette_decode", {
    cookie,
    secret: SECRET,
    now,
    dict_form: "pairs",
    ...(maxAge === undefined ? {} : { max_age: maxAge }),
  });

describe("negative max_age", () => {
  it("accepts max_age=-1 and judges every cookie expired, as Starlette's own tests do", async () => {
    const session = dict([["some", "data"]]);
    const cookie = signSession("starlette", session, { secret: SECRET, timestamp: TS }).value;
    const theirs = await starletteDecode(cookie, TS, -1);
    expect(theirs.verdict).toBe("SignatureExpired");
    expect(theirs.empty).toBe(true);
    const ours = decodeCookie("starlette", cookie, { secret: SECRET, now: TS, maxAge: -1 });
    expect(ours.status).toBe("expired");
    // and max_age=0 still accepts a cookie signed this very second, in both
    expect((await starletteDecode(cookie, TS, 0)).verdict).toBe("valid");
    expect(decodeCookie("starlette", cookie, { secret: SECRET, now: TS, maxAge: 0 }).status).toBe(
      "valid",
    );
  });
});

describe("timestamps past what Python's datetime holds", () => {
  const payload = Buffer.from('{"a":1}');
  const YEAR_10000 = 253402300800;

  it("a correctly signed Flask cookie timestamped past the year 9999 is not loaded by Flask, and is bad_signature here", async () => {
    const cookie = flaskCookie(payload, false, itsTimestamp(YEAR_10000));
    // The serializer Flask loads sessions with raises ValueError (not BadSignature, so the
    // request fails instead of starting an empty session): pyhelper relays the exception.
    await expect(
      py.call<Decoded>("flask_decode", { cookie, secret: SIGNER_SECRET, now: TS }),
    ).rejects.toThrow(/ValueError: year 10000 is out of range/);
    const ours = decodeCookie("flask", cookie, { secret: SIGNER_SECRET, now: TS });
    expect(ours).toMatchObject({ status: "bad_signature", key: null });
  });

  it("Starlette loads such a cookie without a max_age and fails on it with one, and so do we", async () => {
    const cookie = starletteCookie(payload, itsTimestamp(2n ** 60n + 1n));
    const call = (maxAge: number | null) =>
      py.call<Decoded>("starlette_decode", {
        cookie,
        secret: SIGNER_SECRET,
        now: TS,
        dict_form: "pairs",
        max_age: maxAge,
      });
    const unchecked = await call(null);
    expect(unchecked.verdict).toBe("valid");
    expect(unchecked.empty).toBe(false);
    const ours = decodeCookie("starlette", cookie, {
      secret: SIGNER_SECRET,
      now: TS,
      maxAge: null,
    });
    expect(ours).toMatchObject({ status: "valid", timestamp: 2n ** 60n + 1n });
    const checked = await call(1209600);
    expect(checked.verdict).not.toBe("valid");
    expect(checked.empty).toBe(true);
    const oursChecked = decodeCookie("starlette", cookie, { secret: SIGNER_SECRET, now: TS });
    expect(oursChecked.status).toBe("bad_signature");
  });
});
