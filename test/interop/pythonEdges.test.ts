/**
 * Edge cases taken from the Python frameworks' own behaviour, checked live against Debian's
 * Flask, Starlette and itsdangerous: the codec's verdict must be the one the framework acts on
 * (a session it loads is valid, one it rejects or crashes on is not).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCookie, dict, signSession } from "../../src/codec";
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
