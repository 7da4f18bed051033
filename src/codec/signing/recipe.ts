/**
 * Key derivation as data. itsdangerous' `Signer.derive_key` (and Django's `salted_hmac`, which is
 * its django-concat) turn a secret into the HMAC key in one of four ways; a `KeyRecipe` names the
 * way and carries every byte it needs besides the secret, so code outside the codec (a SIMD or
 * unrolled audit loop) can derive keys itself and get the same bytes:
 *
 * - `none`:          key = secret                                   (keygrip, cookie-signature)
 * - `hmac`:          key = HMAC(digest, key = secret, msg = salt)
 * - `concat`:        key = H(salt ‖ secret)                          → H(prefix ‖ secret)
 * - `django-concat`: key = H(salt ‖ "signer" ‖ secret)               → H(prefix ‖ secret)
 *
 * The cookie's MAC is then HMAC(digest, key, signed bytes).
 */
import { concatBytes, utf8Encode } from "../bytes";
import { hash, hmac } from "../crypto/hmac";
import type { Digest, KeyDerivation } from "../types";

export interface KeyRecipe {
  kind: KeyDerivation;
  digest: Digest;
  /** The salt's UTF-8 bytes (empty for `none`). */
  salt: Uint8Array;
  /**
   * What is hashed before the secret for `concat` (the salt) and `django-concat` (salt + "signer");
   * empty for `hmac` (whose message is `salt`) and `none`.
   */
  prefix: Uint8Array;
}

const SIGNER = utf8Encode("signer");

/** The recipe for a side's derivation, digest and salt (text is UTF-8 encoded, as itsdangerous does). */
export function keyRecipe(
  kind: KeyDerivation,
  digest: Digest,
  salt: string | Uint8Array,
): KeyRecipe {
  const saltBytes =
    kind === "none" ? new Uint8Array(0) : typeof salt === "string" ? utf8Encode(salt) : salt;
  const prefix =
    kind === "concat"
      ? saltBytes
      : kind === "django-concat"
        ? concatBytes(saltBytes, SIGNER)
        : new Uint8Array(0);
  return { kind, digest, salt: saltBytes, prefix };
}

/** The HMAC key a recipe makes from a secret. */
export function deriveWith(recipe: KeyRecipe, secret: Uint8Array): Uint8Array {
  switch (recipe.kind) {
    case "concat":
    case "django-concat":
      return hash(recipe.digest, concatBytes(recipe.prefix, secret));
    case "hmac":
      return hmac(recipe.digest, secret, recipe.salt);
    case "none":
      return secret;
  }
}
