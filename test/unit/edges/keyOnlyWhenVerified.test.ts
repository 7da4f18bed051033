/**
 * `key` names the secret that verified the cookie, so it is set only for the statuses reached
 * after a signature matched (VERIFIED_STATUSES) and null for every rejection, including a
 * correctly signed cookie whose timestamp itsdangerous cannot read.
 */
import { describe, expect, it } from "vitest";
import { decodeCookie, VERIFIED_STATUSES } from "../../../src/codec";
import { b62, djangoCookie, flaskSignBody, NOW, SECRET } from "../independentSigners";

const payload = Buffer.from('{"a":1}').toString("base64url");
const opts = { secret: SECRET, now: NOW };

describe("key is null unless the status is a verified one", () => {
  it("a correctly signed Flask cookie with a 9-byte timestamp is bad_signature with key null, as itsdangerous raises BadTimeSignature('Malformed timestamp')", () => {
    // bytes_to_int unpacks at most 8 bytes; a longer segment is "Malformed timestamp".
    const nineBytes = Buffer.alloc(9, 1).toString("base64url");
    const r = decodeCookie("flask", flaskSignBody(`${payload}.${nineBytes}`), opts);
    expect(r.status).toBe("bad_signature");
    expect(r.detail).toMatch(/malformed/i);
    expect(r.key).toBeNull();
  });

  it("a correctly signed Flask cookie with no timestamp segment is bad_signature with key null, as itsdangerous raises BadTimeSignature('timestamp missing')", () => {
    const r = decodeCookie("flask", flaskSignBody(payload), opts);
    expect(r.status).toBe("bad_signature");
    expect(r.key).toBeNull();
  });

  it("a correctly signed Django cookie with a base62 timestamp that is not base62 is bad_signature with key null, as b62_decode raises and Django starts a new session", () => {
    const good = djangoCookie(Buffer.from('{"a":1}'), false, b62(NOW));
    expect(decodeCookie("django", good, opts).key).toBe("secret");
    const bad = djangoCookie(Buffer.from('{"a":1}'), false, "1!");
    const r = decodeCookie("django", bad, opts);
    expect(r.status).toBe("bad_signature");
    expect(r.key).toBeNull();
  });

  it("lists exactly the statuses after a matching signature", () => {
    expect([...VERIFIED_STATUSES].sort()).toEqual([
      "bad_payload",
      "expired",
      "valid",
      "valid_legacy",
    ]);
  });
});
