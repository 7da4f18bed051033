/**
 * `prepareVerification`: everything about one cookie that does not depend on the secret, worked
 * out once, as plain data. Checking a candidate secret is then only the key derivation and one
 * HMAC over `signedBytes` compared with `expectedMac` — no base64, no inflate, no JSON — which is
 * what the weak-secret audit loops over, what the editor's "re-signs byte-identical" check and
 * the Node library call, and what `decodeCookie` itself does before it reads a payload.
 *
 * Everything here is structured-clone safe (strings, numbers, Uint8Arrays, null), so a prepared
 * cookie can be posted to a worker, and the recipe is complete: an outside HMAC implementation
 * needs nothing else to get the same answer as `verifyCandidate`.
 */
import { utf8Encode } from "../bytes";
import { digestSize } from "../crypto/hmac";
import { type CompareRule, FORMAT_INFO, type Layout, signingOf } from "../formats/info";
import { readAs } from "../formats/pythonUnquote";
import { FORMATS } from "../formats/registry";
import { type KeyRecipe, keyRecipe } from "../signing/recipe";
import { type CodecOptions, type Digest, type FormatId, LIMITS } from "../types";

/** One cookie, ready for checking any number of secrets. */
export interface PreparedVerification {
  format: FormatId;
  /** The exact bytes the framework MACs (itsdangerous: `payload.ts`; keygrip: `NAME=value`; …). */
  signedBytes: Uint8Array;
  /**
   * The MAC a matching secret produces over `signedBytes` (20, 32 or 64 bytes); null when no
   * secret can match (no signature, not base64, non-canonical text, missing `.sig`, wrong length).
   */
  expectedMac: Uint8Array | null;
  /** Why `expectedMac` is null, as a clause; null when it is set. */
  problem: string | null;
  /** The HMAC digest: MAC = HMAC(digest, derive(recipe, secret), signedBytes). */
  digest: Digest;
  /** How a secret becomes the HMAC key (codec/signing/recipe.ts spells out each kind). */
  derivation: KeyRecipe;
  /** How the framework compares (informational: `expectedMac` already reduces both to bytes). */
  compare: CompareRule;
  /** The order the framework tries a secret list in (codec/formats/info.ts). */
  keyOrder: "newest-last" | "in-order";
  /** Timed formats: the raw timestamp segment and its encoding; decode with `preparedTimestamp`. */
  timestamp: { text: string; encoding: NonNullable<Layout["timestamp"]> } | null;
  /** cookie-session: the companion cookie that carries the signature, and the value given. */
  companion: { name: string; value: string | null } | null;
}

/**
 * Prepare `cookie` (the value as it appears in the Cookie header) for verification as `format`
 * with the side's signing options (`salt`, `keyDerivation`, `digest`; cookie-session also needs
 * `name` and `sig`). Secrets in `options` are ignored. Never throws: an uncheckable cookie comes
 * back with `expectedMac: null` and a `problem`.
 */
export function prepareVerification(
  format: FormatId,
  cookie: string,
  options: CodecOptions = {},
): PreparedVerification {
  const info = FORMAT_INFO[format];
  const { salt, keyDerivation, digest } = signingOf(format, options);
  const tooLong = cookie.length > LIMITS.maxCookieLength;
  const part = tooLong
    ? {
        signed: null,
        mac: null,
        problem: `the value is ${cookie.length} characters long, past the ${LIMITS.maxCookieLength} the codec reads`,
        timestampText: null,
      }
    : FORMATS[format].locate(readAs(format, cookie), options);
  let expectedMac = part.mac;
  let problem = part.problem;
  if (expectedMac !== null && expectedMac.length !== digestSize(digest)) {
    problem = `the signature is ${expectedMac.length} bytes long, and ${digest} MACs are ${digestSize(digest)}`;
    expectedMac = null;
  }
  const { timestamp: tsEncoding, companionSig } = info.layout;
  const name = options.name ?? info.defaultCookieName;
  return {
    format,
    signedBytes: part.signed === null ? new Uint8Array(0) : utf8Encode(part.signed),
    expectedMac,
    problem,
    digest,
    derivation: keyRecipe(keyDerivation, digest, salt),
    compare: info.signing.compare,
    keyOrder: info.signing.keyOrder,
    timestamp:
      tsEncoding !== null && part.timestampText !== null
        ? { text: part.timestampText, encoding: tsEncoding }
        : null,
    companion: companionSig ? { name: `${name}.sig`, value: options.sig ?? null } : null,
  };
}
