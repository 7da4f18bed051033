/**
 * Checking secrets against a prepared cookie. `verifyCandidate` is for one-off candidates (an
 * audit's word list): it derives the key, runs one HMAC and compares, and keeps nothing — so a
 * million candidates neither grow memory nor push the sides' secrets out of the MAC cache.
 * `matchSecrets` is for a side's own secret list, used again and again: it goes through that
 * cache and tries the list in the framework's order, naming the key as `decodeCookie` does.
 */
import { timingSafeEqual } from "../bytes";
import { hmac } from "../crypto/hmac";
import { b62Decode } from "../formats/django";
import { firstMatch, keyTrials, macFor, secretBytes } from "../signing/keys";
import { deriveWith } from "../signing/recipe";
import { ITSDANGEROUS_TS } from "../signing/timed";
import type { KeyUsed, Secret } from "../types";
import type { PreparedVerification } from "./prepare";

/**
 * Whether `secret` signed the prepared cookie: HMAC(digest, derive(recipe, secret), signedBytes)
 * equals `expectedMac` (constant-time compare). False when the cookie cannot be checked. Pass
 * bytes in loops; a string is UTF-8 encoded first, as the frameworks do.
 */
export function verifyCandidate(prepared: PreparedVerification, secret: Secret): boolean {
  const expected = prepared.expectedMac;
  if (expected === null) return false;
  const key = deriveWith(prepared.derivation, secretBytes(secret));
  return timingSafeEqual(hmac(prepared.digest, key, prepared.signedBytes), expected);
}

/**
 * Which of a side's secrets signed the prepared cookie, tried in the framework's order
 * (`"secret"`, `"fallback:N"`), or null. Uses (and refreshes) the shared MAC cache.
 */
export function matchSecrets(
  prepared: PreparedVerification,
  secret: Secret | undefined,
  fallbacks: readonly Secret[] = [],
): KeyUsed | null {
  if (prepared.expectedMac === null) return null;
  const { kind, digest, salt } = prepared.derivation;
  const saltText = new TextDecoder().decode(salt);
  const trials = keyTrials(
    prepared.keyOrder,
    (s) => macFor(kind, digest, saltText, s),
    secret,
    fallbacks,
  );
  return firstMatch(trials, prepared.signedBytes, prepared.expectedMac);
}

/**
 * The embedded signing time, Unix seconds as written, exact (a bigint past 2^53); null when
 * absent or malformed. No legacy-epoch reading, no range check: decodeCookie judges those.
 */
export function preparedTimestamp(prepared: PreparedVerification): number | bigint | null {
  const ts = prepared.timestamp;
  if (ts === null) return null;
  return ts.encoding === "django-base62" ? b62Decode(ts.text) : ITSDANGEROUS_TS.decodeTs(ts.text);
}
