/**
 * Decoding checks the signature before it inflates or parses anything, as itsdangerous unsigns
 * before it loads and keygrip runs before cookie-session's JSON.parse: a forged payload (a zlib
 * bomb, hostile JSON) costs one MAC per key. The inflater and the JSON parser are wrapped in
 * counters here; each case also decodes with the right secret to show the counter does count.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { decodeCookie } from "../../src/codec";
import {
  cookieSessionPair,
  djangoCookie,
  flaskCookie,
  NOW,
  SECRET,
  starletteCookie,
} from "./independentSigners";

const calls = vi.hoisted(() => ({ inflate: 0, parse: 0 }));

vi.mock("../../src/codec/zlib/inflate", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/codec/zlib/inflate")>();
  return {
    ...real,
    inflateZlibTransient: (...args: Parameters<typeof real.inflateZlibTransient>) => {
      calls.inflate++;
      return real.inflateZlibTransient(...args);
    },
  };
});
vi.mock("../../src/codec/json/parse", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/codec/json/parse")>();
  return {
    ...real,
    parseJson: (...args: Parameters<typeof real.parseJson>) => {
      calls.parse++;
      return real.parseJson(...args);
    },
  };
});

beforeEach(() => {
  calls.inflate = 0;
  calls.parse = 0;
});

/** 4 MB of JSON text that deflates to a few KB: a bomb, correctly formed. */
const bomb = Buffer.from(`{"a":"${"A".repeat(4 * 1024 * 1024)}"}`);
const opts = (secret: string) => ({ secret, now: NOW, maxAge: null });

describe("a wrongly signed payload is never inflated or parsed", () => {
  it.each([
    ["flask", flaskCookie(bomb, true)],
    ["django", djangoCookie(bomb, true)],
  ] as const)("%s zlib bomb", (format, cookie) => {
    expect(cookie.length).toBeLessThan(64 * 1024);
    const wrong = decodeCookie(format, cookie, opts("another-secret"));
    expect(wrong.status).toBe("bad_signature");
    expect(wrong.data).toBeUndefined();
    expect(calls).toEqual({ inflate: 0, parse: 0 });

    const right = decodeCookie(format, cookie, opts(SECRET));
    expect(right.status).toBe("bad_payload"); // signed, and refused past the inflate cap
    expect(calls.inflate).toBe(1);
  });

  it("Starlette JSON", () => {
    const cookie = starletteCookie(Buffer.from('{"user": "x"}'));
    expect(decodeCookie("starlette", cookie, opts("another-secret")).status).toBe("bad_signature");
    expect(calls.parse).toBe(0);
    expect(decodeCookie("starlette", cookie, opts(SECRET)).status).toBe("valid");
    expect(calls.parse).toBe(1);
  });

  it("cookie-session JSON", () => {
    const { value, sig } = cookieSessionPair(Buffer.from('{"user":"x"}'));
    const wrong = decodeCookie("cookie-session", value, { secret: "another", sig });
    expect(wrong.status).toBe("bad_signature");
    expect(wrong.data).toBeUndefined();
    expect(calls.parse).toBe(0);
    expect(decodeCookie("cookie-session", value, { secret: SECRET, sig }).status).toBe("valid");
    expect(calls.parse).toBe(1);
  });

  it("readRejected reads a rejected payload only after the check, and the verdict stands", () => {
    const cookie = flaskCookie(Buffer.from('{"user":"x"}'), false);
    const r = decodeCookie("flask", cookie, { ...opts("another-secret"), readRejected: true });
    expect(r.status).toBe("bad_signature");
    expect(r.key).toBeNull();
    expect(r.payloadJson).toBe('{"user":"x"}');
    expect(calls.parse).toBe(1);
  });

  it("without a secret the payload is read (bounded), as `unverified` says", () => {
    const cookie = flaskCookie(Buffer.from('{"user":"x"}'), false);
    expect(decodeCookie("flask", cookie, { now: NOW }).status).toBe("unverified");
    expect(calls.parse).toBe(1);
  });
});
