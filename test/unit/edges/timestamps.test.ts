/**
 * Correctly signed timestamps at the frameworks' edges. itsdangerous' serializer turns every
 * timestamp into a Python datetime, which ends with the year 9999, and raises past it (Flask
 * then fails the request rather than load the session); a bare TimestampSigner (Starlette)
 * does so only when it checks an age; Django's base62 timestamp has no bound. Timestamps past
 * 2^53 are kept exactly (a bigint) and re-sign byte for byte.
 */
import { describe, expect, it } from "vitest";
import { CodecError, decodeCookie, dict, signSession } from "../../../src/codec";
import {
  b62,
  djangoCookie,
  flaskCookie,
  itsdangerousCookie,
  itsTimestamp,
  NOW,
  SECRET,
  starletteCookie,
} from "../independentSigners";

const payload = Buffer.from('{"a":1}');
const YEAR_10000 = 253402300800;
const BIG = 2n ** 60n + 1n;

describe("timestamps Python's datetime cannot hold", () => {
  it.each([
    ["flask", flaskCookie(payload, false, itsTimestamp(YEAR_10000))],
    ["itsdangerous", itsdangerousCookie(payload, false, itsTimestamp(YEAR_10000))],
  ] as const)(
    "%s: a correctly signed timestamp past the year 9999 is bad_signature ('malformed timestamp'), as itsdangerous raises ValueError converting it, whatever max_age",
    (format, cookie) => {
      for (const maxAge of [undefined, null, 1e12]) {
        const r = decodeCookie(format, cookie, { secret: SECRET, now: NOW, maxAge });
        expect(r.status).toBe("bad_signature");
        expect(r.detail).toMatch(/malformed timestamp: 253402300800 is past the year 9999/);
        expect(r.key).toBeNull();
        expect(r.timestamp).toBe(YEAR_10000);
      }
    },
  );

  it("flask: the last second of the year 9999 is still a timestamp itsdangerous reads (no max_age: valid)", () => {
    const cookie = flaskCookie(payload, false, itsTimestamp(YEAR_10000 - 1));
    const r = decodeCookie("flask", cookie, { secret: SECRET, now: NOW, maxAge: null });
    expect(r.status).toBe("valid");
    expect(decodeCookie("flask", cookie, { secret: SECRET, now: NOW }).status).toBe("expired");
  });

  it("starlette: past the year 9999 is bad_signature with a max_age (the age check builds a datetime), and valid without one, as TimestampSigner.unsign does", () => {
    const cookie = starletteCookie(payload, itsTimestamp(BIG));
    const checked = decodeCookie("starlette", cookie, { secret: SECRET, now: NOW });
    expect(checked.status).toBe("bad_signature");
    expect(checked.detail).toMatch(/malformed timestamp/);
    const unchecked = decodeCookie("starlette", cookie, { secret: SECRET, now: NOW, maxAge: null });
    expect(unchecked.status).toBe("valid");
    expect(unchecked.timestamp).toBe(BIG);
  });

  it("a timestamp segment of more than 8 bytes is malformed for every itsdangerous format, as bytes_to_int cannot unpack it", () => {
    const nine = itsTimestamp(1, 9);
    for (const [format, cookie] of [
      ["flask", flaskCookie(payload, false, nine)],
      ["starlette", starletteCookie(payload, nine)],
    ] as const) {
      const r = decodeCookie(format, cookie, { secret: SECRET, now: NOW, maxAge: null });
      expect(r.status).toBe("bad_signature");
      expect(r.timestamp).toBeNull();
    }
  });
});

describe("Django's unbounded base62 timestamp", () => {
  it("follows Django: a far-future timestamp past 2^53 is valid (no future check) and kept exactly", () => {
    const far = 62n ** 12n + 7n;
    const r = decodeCookie("django", djangoCookie(payload, false, b62(far)), {
      secret: SECRET,
      now: NOW,
    });
    expect(r.status).toBe("valid");
    expect(r.timestamp).toBe(far);
    expect(r.detail).toContain(String(far));
  });

  it("follows Django: a timestamp too large for a float fails its age check (OverflowError), and is valid when there is none", () => {
    const huge = b62(10n ** 320n);
    const cookie = djangoCookie(payload, false, huge);
    const checked = decodeCookie("django", cookie, { secret: SECRET, now: NOW });
    expect(checked.status).toBe("bad_signature");
    expect(checked.detail).toMatch(/malformed timestamp: a 321-digit number/);
    const unchecked = decodeCookie("django", cookie, { secret: SECRET, now: NOW, maxAge: null });
    expect(unchecked.status).toBe("valid");
    expect(unchecked.timestamp).toBe(10n ** 320n);
  });

  it("follows Django: a negative base62 timestamp is read (b62_decode takes a sign) and judged by age", () => {
    const r = decodeCookie("django", djangoCookie(payload, false, "-1"), {
      secret: SECRET,
      now: NOW,
    });
    expect(r.timestamp).toBe(-1);
    expect(r.status).toBe("expired");
  });
});

describe("timestamps past 2^53 re-sign exactly", () => {
  const session = dict([["a", 1]]);

  it.each(["starlette", "django"] as const)("%s", (format) => {
    const value = signSession(format, session, { secret: SECRET, timestamp: BIG }).value;
    const r = decodeCookie(format, value, { secret: SECRET, now: NOW, maxAge: null });
    expect(r.status).toBe("valid");
    expect(r.timestamp).toBe(BIG);
    expect(signSession(format, r.data!, { secret: SECRET, timestamp: r.timestamp! }).value).toBe(
      value,
    );
  });

  it("refuses to sign an itsdangerous timestamp past 2^64 − 1, as struct.pack raises; takes 2^64 − 1", () => {
    const session2 = dict([["a", 1]]);
    expect(() => signSession("flask", session2, { secret: SECRET, timestamp: 2n ** 64n })).toThrow(
      CodecError,
    );
    expect(() => signSession("flask", session2, { secret: SECRET, timestamp: 2n ** 64n })).toThrow(
      /8 bytes/,
    );
    const max = signSession("starlette", session2, {
      secret: SECRET,
      timestamp: 2n ** 64n - 1n,
    }).value;
    expect(decodeCookie("starlette", max, { secret: SECRET, maxAge: null }).timestamp).toBe(
      2n ** 64n - 1n,
    );
  });
});

describe("the clock's resolution", () => {
  it.each([
    ["flask", flaskCookie(payload, false)],
    ["starlette", starletteCookie(payload)],
    ["itsdangerous", itsdangerousCookie(payload, false)],
  ] as const)(
    "%s: a cookie 10.5 s old passes max_age=10, as itsdangerous ages by int(time.time())",
    (format, cookie) => {
      const r = decodeCookie(format, cookie, { secret: SECRET, now: NOW + 10.5, maxAge: 10 });
      expect(r.status).toBe("valid");
      const later = decodeCookie(format, cookie, { secret: SECRET, now: NOW + 11, maxAge: 10 });
      expect(later.status).toBe("expired");
    },
  );

  it("django: a cookie 10.5 s old fails max_age=10, as Django ages by the fractional time.time()", () => {
    const r = decodeCookie("django", djangoCookie(payload, false), {
      secret: SECRET,
      now: NOW + 10.5,
      maxAge: 10,
    });
    expect(r.status).toBe("expired");
  });
});
