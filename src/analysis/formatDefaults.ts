/**
 * The signing parameters each format uses when a side leaves them unset (spec §2–§10). The codec
 * applies the same defaults itself; the panel needs them as data to name a signer ("salt
 * cookie-session") and to show placeholders, without asking the codec.
 */
import type { Digest, FormatId, KeyDerivation } from "../codec/types";

export interface SigningDefaults {
  salt?: string;
  keyDerivation?: KeyDerivation;
  digest: Digest;
  /** Signed with itsdangerous-style salt + key derivation (so salt/derivation name the signer). */
  itsdangerousFamily: boolean;
}

export const SIGNING_DEFAULTS: Record<FormatId, SigningDefaults> = {
  flask: {
    salt: "cookie-session",
    keyDerivation: "hmac",
    digest: "sha1",
    itsdangerousFamily: true,
  },
  starlette: {
    salt: "itsdangerous.Signer",
    keyDerivation: "django-concat",
    digest: "sha1",
    itsdangerousFamily: true,
  },
  itsdangerous: {
    salt: "itsdangerous",
    keyDerivation: "django-concat",
    digest: "sha1",
    itsdangerousFamily: true,
  },
  django: {
    salt: "django.contrib.sessions.backends.signed_cookies",
    keyDerivation: "django-concat",
    digest: "sha256",
    itsdangerousFamily: true,
  },
  "cookie-session": { digest: "sha1", itsdangerousFamily: false },
  "express-session": { digest: "sha256", itsdangerousFamily: false },
};
