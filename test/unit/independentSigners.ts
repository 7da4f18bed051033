/**
 * Signers for test cookies written with node:crypto and node:zlib on purpose: an implementation
 * independent of the codec's own primitives, following each framework's byte layout, so
 * a test can sign any payload and any timestamp segment (hostile ones too) and see what the
 * codec makes of a cookie whose signature is good.
 */
import { createHash, createHmac } from "node:crypto";
import { deflateSync } from "node:zlib";

export const SECRET = "fuzz-secret";
export const NOW = 1767237945;

const hmac = (algorithm: string, key: Buffer | string, msg: string) =>
  createHmac(algorithm, key).update(msg).digest();

/** itsdangerous timestamp segment: b64url of the big-endian bytes, leading zeros stripped. */
export function itsTimestamp(ts: bigint | number, minBytes = 0): string {
  let hex = BigInt(ts).toString(16);
  if (hex === "0") hex = "";
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex.padStart(minBytes * 2, "0"), "hex").toString("base64url");
}

/** Django's base62 timestamp segment. */
export function b62(n: bigint | number): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let x = BigInt(n);
  const negative = x < 0n;
  if (negative) x = -x;
  let s = "";
  do {
    s = digits[Number(x % 62n)] + s;
    x /= 62n;
  } while (x > 0n);
  return negative ? `-${s}` : s;
}

const urlsafe = (payload: Buffer, compress: boolean) =>
  compress ? `.${deflateSync(payload).toString("base64url")}` : payload.toString("base64url");

/** Flask: key = HMAC-SHA1(secret, "cookie-session"); signs `[.]b64url(json|zlib).ts`. */
export function flaskSignBody(body: string, secret = SECRET): string {
  const key = hmac("sha1", secret, "cookie-session");
  return `${body}.${hmac("sha1", key, body).toString("base64url")}`;
}

export function flaskCookie(payload: Buffer, compress: boolean, tsSegment = itsTimestamp(NOW)) {
  return flaskSignBody(`${urlsafe(payload, compress)}.${tsSegment}`);
}

/** Starlette: key = SHA1("itsdangerous.Signer" + "signer" + secret); standard base64 payload. */
export function starletteCookie(payload: Buffer, tsSegment = itsTimestamp(NOW)): string {
  const signed = `${payload.toString("base64")}.${tsSegment}`;
  const key = createHash("sha1").update(`itsdangerous.Signersigner${SECRET}`).digest();
  return `${signed}.${hmac("sha1", key, signed).toString("base64url")}`;
}

/** Django: key = SHA256(salt + "signer" + secret); `[.]b64url(json|zlib):base62(ts):sig`. */
export function djangoCookie(payload: Buffer, compress: boolean, tsSegment = b62(NOW)): string {
  const signed = `${urlsafe(payload, compress)}:${tsSegment}`;
  const salt = "django.contrib.sessions.backends.signed_cookies";
  const key = createHash("sha256").update(`${salt}signer${SECRET}`).digest();
  return `${signed}:${hmac("sha256", key, signed).toString("base64url")}`;
}

/** cookie-session: value = base64(json); sig = b64url(HMAC-SHA1(key, "session=" + value)). */
export function cookieSessionPair(payload: Buffer): { value: string; sig: string } {
  const value = payload.toString("base64");
  return { value, sig: hmac("sha1", SECRET, `session=${value}`).toString("base64url") };
}

/**
 * express-session: `s:` + id + `.` + base64(HMAC-SHA256(secret, id)) without `=`, URI-encoded
 * (left raw when the id cannot be URI-encoded: a lone surrogate).
 */
export function expressCookie(id: string): string {
  const mac = hmac("sha256", SECRET, id).toString("base64").replace(/=+$/, "");
  const value = `s:${id}.${mac}`;
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A bare URLSafeTimedSerializer: key = SHA1("itsdangerous" + "signer" + secret); b64url payload. */
export function itsdangerousCookie(
  payload: Buffer,
  compress: boolean,
  tsSegment = itsTimestamp(NOW),
) {
  const signed = `${urlsafe(payload, compress)}.${tsSegment}`;
  const key = createHash("sha1").update(`itsdangeroussigner${SECRET}`).digest();
  return `${signed}.${hmac("sha1", key, signed).toString("base64url")}`;
}
