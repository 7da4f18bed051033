/**
 * Secrets → ready-to-use MAC functions, in the order each framework tries them.
 * Key derivation (itsdangerous `derive_key`) and the HMAC pad precomputation are cached per
 * (derivation, salt, digest, secret): a panel re-verifies the same cookie often and the
 * benchmark target (faster than Python itsdangerous per cookie) leaves no room to redo them.
 * The cache is a bounded LRU, so a stream of one-off secrets (an audit's word list going
 * through decodeCookie) ages out only the least recently used keys, never the sides' secrets
 * that are used again and again; `verifyCandidate` (codec/verify) does not use it at all.
 */
import { timingSafeEqual, utf8Encode } from "../bytes";
import { hmacKey } from "../crypto/hmac";
import type { Digest, KeyDerivation, KeyUsed, Secret } from "../types";
import { deriveWith, keyRecipe } from "./recipe";

export type Mac = (msg: Uint8Array) => Uint8Array;

export interface KeyTrial {
  mac: Mac;
  key: KeyUsed;
}

export function secretBytes(secret: Secret): Uint8Array {
  return typeof secret === "string" ? utf8Encode(secret) : secret;
}

/** itsdangerous `Signer.derive_key`. */
export function deriveKey(
  derivation: KeyDerivation,
  digest: Digest,
  salt: Uint8Array,
  secret: Uint8Array,
): Uint8Array {
  return deriveWith(keyRecipe(derivation, digest, salt), secret);
}

/** How many MACs the cache holds at most (least recently used goes first). */
export const MAC_CACHE_LIMIT = 256;
/** A Map iterates in insertion order: re-inserting on use keeps the least recently used first. */
const macCache = new Map<string, Mac>();
/** Keys derived so far (the cache's misses): tests watch it to see that nothing thrashes. */
export const macCacheStats = { derived: 0 };

function secretCacheKey(secret: Secret): string {
  if (typeof secret === "string") return `s${secret}`;
  let s = "b";
  for (const b of secret) s += String.fromCharCode(b);
  return s;
}

/** The last MAC for a string secret: a panel or a loop verifies with the same key again and again. */
let last: {
  derivation: KeyDerivation;
  digest: Digest;
  salt: string;
  secret: string;
  mac: Mac;
} | null = null;

/** A MAC keyed with the derived key (derivation "none" + no salt = the raw secret, for keygrip). */
export function macFor(
  derivation: KeyDerivation,
  digest: Digest,
  salt: string,
  secret: Secret,
): Mac {
  if (
    last !== null &&
    last.secret === secret &&
    last.salt === salt &&
    last.digest === digest &&
    last.derivation === derivation
  ) {
    return last.mac;
  }
  const cacheKey = `${derivation}\u0000${digest}\u0000${salt}\u0000${secretCacheKey(secret)}`;
  let mac = macCache.get(cacheKey);
  if (mac) {
    macCache.delete(cacheKey);
  } else {
    const key = deriveKey(derivation, digest, utf8Encode(salt), secretBytes(secret));
    mac = hmacKey(digest, key);
    macCacheStats.derived++;
    if (macCache.size >= MAC_CACHE_LIMIT) macCache.delete(macCache.keys().next().value!);
  }
  macCache.set(cacheKey, mac);
  // Byte secrets are not remembered here: the caller may change them in place.
  if (typeof secret === "string") last = { derivation, digest, salt, secret, mac };
  return mac;
}

/**
 * Trial order. itsdangerous holds `[*fallbacks, secret]` and tries newest first (secret, then the
 * fallbacks from last to first); Django, keygrip and express-session try secret then fallbacks in order.
 */
export function keyTrials(
  order: "newest-last" | "in-order",
  makeMac: (secret: Secret) => Mac,
  secret: Secret | undefined,
  fallbacks: readonly Secret[] = [],
): KeyTrial[] {
  if (fallbacks.length === 0) {
    return secret === undefined ? [] : [{ mac: makeMac(secret), key: "secret" }];
  }
  const trials: KeyTrial[] = [];
  if (secret !== undefined) trials.push({ mac: makeMac(secret), key: "secret" });
  const indexes = fallbacks.map((_, i) => i);
  if (order === "newest-last") indexes.reverse();
  for (const i of indexes) trials.push({ mac: makeMac(fallbacks[i]!), key: `fallback:${i}` });
  return trials;
}

/** The first trial whose MAC over `msg` equals `expected` (constant time per compare). */
export function firstMatch(
  trials: readonly KeyTrial[],
  msg: Uint8Array,
  expected: Uint8Array | null,
): KeyUsed | null {
  if (expected === null) return null;
  for (const t of trials) if (timingSafeEqual(t.mac(msg), expected)) return t.key;
  return null;
}
