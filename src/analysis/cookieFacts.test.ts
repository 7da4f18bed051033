import { describe, expect, it } from "vitest";
import { decodeCookie } from "../codec/decode";
import { signSession } from "../codec/sign";
import { dict } from "../codec/value";
import { findCompanionSig, findSignedBy } from "./companion";
import { cookieBytes, sizeLevel } from "./cookieSize";
import { curlCommand } from "./curl";
import { formatDuration } from "./duration";
import { expiryFor, sideExpiry } from "./expiry";

describe("cookie size", () => {
  it("counts name + value UTF-8 bytes and flags near/over 4096", () => {
    expect(cookieBytes("session", "é")).toBe(9);
    expect(sizeLevel(100)).toBe("ok");
    expect(sizeLevel(3700)).toBe("near");
    expect(sizeLevel(4097)).toBe("over");
    expect(sizeLevel(4096)).toBe("near");
  });
});

describe("companion .sig cookies", () => {
  const at = (name: string, path = "/") => ({ name, domain: "a.test", path });
  it("pairs NAME and NAME.sig, preferring the same path", () => {
    const all = [at("s.sig", "/x"), at("s"), at("s.sig")];
    expect(findCompanionSig(at("s"), all)).toBe(all[2]);
    expect(findSignedBy(at("s.sig", "/x"), all)).toBe(all[1]);
    expect(findSignedBy(at("s"), all)).toBeUndefined();
  });
});

describe("curlCommand", () => {
  it("quotes the cookie header and the URL for a POSIX shell", () => {
    expect(curlCommand([{ name: "session", value: "a.b" }], "http://127.0.0.1:8000/")).toBe(
      "curl -b 'session=a.b' 'http://127.0.0.1:8000/'",
    );
    expect(
      curlCommand([
        { name: "s", value: "it's" },
        { name: "s.sig", value: "x" },
      ]),
    ).toBe("curl -b 's=it'\\''s; s.sig=x'");
  });
});

describe("durations and expiry", () => {
  it("prints at most two units", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(3 * 3600 + 5 * 60 + 9)).toBe("3 h 5 min");
    expect(formatDuration(2678400)).toBe("31 d");
    expect(formatDuration(86400 + 30)).toBe("1 d");
  });
  it("judges expiry like itsdangerous: age == max_age is still valid, the future is not", () => {
    expect(expiryFor(100, 50, 150, true)).toMatchObject({ kind: "valid", remaining: 0 });
    expect(expiryFor(100, 50, 151, true)).toMatchObject({ kind: "expired", ago: 1 });
    expect(expiryFor(100, null, 9999, true)).toEqual({ kind: "no-max-age" });
    expect(expiryFor(100, 50, 90, true)).toEqual({ kind: "future", ahead: 10 });
    expect(expiryFor(null, 50, 90, true)).toEqual({ kind: "no-timestamp" });
    // itsdangerous checks the future only inside its max_age check; Django never does
    expect(expiryFor(100, null, 90, true)).toEqual({ kind: "no-max-age" });
    expect(expiryFor(100, 50, 90, false)).toMatchObject({ kind: "valid", remaining: 60 });
  });

  // The panel's expiry line and verdict say what the codec decides, for every timed format.
  it.each(["flask", "starlette", "django", "itsdangerous"] as const)(
    "says a %s cookie signed in the future is rejected exactly when the codec rejects it",
    (format) => {
      const signedAt = 1767237945;
      const now = signedAt - 100;
      const { value } = signSession(format, dict([["n", 1]]), { secret: "k", timestamp: signedAt });
      const decoded = decodeCookie(format, value, { secret: "k", now });
      const expiry = sideExpiry({ format, options: {} }, decoded.timestamp, now);
      expect(expiry.kind === "future").toBe(decoded.status === "expired");
      // Django has no future check; plain itsdangerous no default max_age
      const accepts = format === "django" || format === "itsdangerous";
      expect(decoded.status).toBe(accepts ? "valid" : "expired");
    },
  );
});
