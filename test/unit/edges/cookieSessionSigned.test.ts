/**
 * cookie-session's own rules beyond the signature: `signed: false` (no keys, no NAME.sig, any
 * value read) and its Session constructor, which copies a parsed key only if the object does not
 * already have it (`if (!(key in this))`), so the app never sees `isNew`, `_ctx`, `constructor`…
 */
import { describe, expect, it } from "vitest";
import { CodecError, decodeCookie, dict, signSession, toTypedJson } from "../../../src/codec";

const b64 = (json: string) => Buffer.from(json).toString("base64");

describe("cookie-session signed: false", () => {
  it("sign without a key writes the bare value and no .sig, as cookie-session({ signed: false }) does", () => {
    expect(signSession("cookie-session", dict([["n", 4]]), { signed: false })).toEqual({
      value: "eyJuIjo0fQ==",
    });
  });

  it("decode needs no key and no .sig: the app reads any value, so it is valid with key null", () => {
    const r = decodeCookie("cookie-session", "eyJuIjo0fQ==", { signed: false });
    expect(r.status).toBe("valid");
    expect(r.key).toBeNull();
    expect(toTypedJson(r.data!)).toBe('{"n":4}');
    expect(r.detail).toMatch(/anyone can write/);
  });

  it("a value that is not JSON is bad_payload, as cookie-session silently starts a new session", () => {
    const r = decodeCookie("cookie-session", b64("{not json"), { signed: false });
    expect(r.status).toBe("bad_payload");
    expect(r.key).toBeNull();
  });

  it("signing with the default signed: true still needs a key, as cookie-session throws '.keys required.'", () => {
    expect(() => signSession("cookie-session", dict([["n", 4]]), {})).toThrow(CodecError);
  });
});

describe("cookie-session Session object keys", () => {
  const json =
    '{"isNew":true,"isChanged":1,"isPopulated":2,"_ctx":3,"constructor":4,"hasOwnProperty":5,"__proto__":6,"user":"ada"}';

  it("keys the Session object already has are not copied into req.session, signed or not", () => {
    for (const opts of [{ signed: false }, {}]) {
      const r = decodeCookie("cookie-session", b64(json), opts);
      expect(toTypedJson(r.data!)).toBe('{"user":"ada"}');
      expect(r.detail).toContain(
        'does not see "isNew", "isChanged", "isPopulated", "_ctx", "constructor", "hasOwnProperty", "__proto__"',
      );
    }
  });

  it("ordinary keys pass through untouched and the detail says nothing about them", () => {
    const r = decodeCookie("cookie-session", b64('{"user":"ada","is_new":1}'), { signed: false });
    expect(toTypedJson(r.data!)).toBe('{"user":"ada","is_new":1}');
    expect(r.detail).not.toMatch(/does not see/);
  });
});
