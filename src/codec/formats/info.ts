/**
 * The format table: every fact about a format that is data rather than code — its label, the
 * signing parameters it uses when a side leaves them unset, its layout, its default cookie name
 * and max-age, whether it holds editable session data, and which value types its JSON can say.
 * The format implementations sign and verify with these values, the CLI help prints them, the
 * panel shows them as placeholders and labels, and the verification primitive hands them to the
 * audit: one copy (docs/formats.md §8–§15 says where each value comes from).
 */
import type { MacEncoding } from "../signing/macText";
import { DIGESTS, type Digest, type FormatId, type KeyDerivation } from "../types";

/** How a signature is checked against the expected MAC. */
export type CompareRule =
  /** itsdangerous: the signature segment is base64url-decoded and the bytes compared. */
  | "mac-bytes"
  /** Django, keygrip, cookie-signature: the MAC is encoded again and the text compared. */
  | "mac-text";

/** What a session value in this format can be besides JSON's own types. */
export type ValueType =
  | "tuple"
  | "bytes"
  | "datetime"
  | "uuid"
  | "markup"
  | "float-text"
  | "bigint";

export interface SigningParams {
  /** The salt a side uses unless it sets its own; "" where the key signs directly. */
  salt: string;
  keyDerivation: KeyDerivation;
  digest: Digest;
  /** Digests the framework can be configured with (express-session: only sha256). */
  digests: readonly Digest[];
  compare: CompareRule;
  /** itsdangerous keeps `[*fallbacks, secret]` and tries the newest first; the others in order. */
  keyOrder: "newest-last" | "in-order";
  /** Whether salt and key derivation exist for this format (itsdangerous-style signers). */
  saltedSigner: boolean;
}

export interface Layout {
  /** Between payload, timestamp and signature; null when the value has no such segments. */
  separator: "." | ":" | null;
  timestamp: "itsdangerous-base64-int" | "django-base62" | null;
  /** cookie-session keeps its signature in a `NAME.sig` companion cookie. */
  companionSig: boolean;
  /** The base64 alphabet of the signature text (always without `=` when written). */
  signatureAlphabet: "url" | "standard";
}

export interface FormatInfo {
  id: FormatId;
  label: string;
  /** One line for help texts and tooltips. */
  summary: string;
  defaultCookieName: string;
  /** Seconds a signature stays valid by default; null = no expiry check. */
  defaultMaxAge: number | null;
  signing: SigningParams;
  layout: Layout;
  /** False for express-session: its cookie holds only a session id (the data is on the server). */
  holdsSessionData: boolean;
  /** The value types its JSON keeps; anything else is written as the framework would read it back. */
  valueTypes: readonly ValueType[];
  /**
   * A signing time ahead of the clock fails the max_age check (itsdangerous: "Signature age is
   * negative"; only when a max_age is checked). Django's TimestampSigner has no such check.
   */
  rejectsFutureTimestamps: boolean;
}

const ITSDANGEROUS_LAYOUT: Layout = {
  separator: ".",
  timestamp: "itsdangerous-base64-int",
  companionSig: false,
  signatureAlphabet: "url",
};
const PYTHON_JSON: readonly ValueType[] = ["float-text", "bigint"];
const SHA_FAMILY: readonly Digest[] = DIGESTS;

export const FORMAT_INFO: Readonly<Record<FormatId, FormatInfo>> = {
  flask: {
    id: "flask",
    label: "Flask",
    summary:
      "Flask SecureCookieSession (itsdangerous, salt cookie-session, HMAC-SHA1, tagged JSON, zlib)",
    defaultCookieName: "session",
    defaultMaxAge: 2678400,
    signing: {
      salt: "cookie-session",
      keyDerivation: "hmac",
      digest: "sha1",
      digests: SHA_FAMILY,
      compare: "mac-bytes",
      keyOrder: "newest-last",
      saltedSigner: true,
    },
    layout: ITSDANGEROUS_LAYOUT,
    holdsSessionData: true,
    rejectsFutureTimestamps: true,
    valueTypes: [...PYTHON_JSON, "tuple", "bytes", "datetime", "uuid", "markup"],
  },
  starlette: {
    id: "starlette",
    label: "Starlette / FastAPI",
    summary: "Starlette SessionMiddleware (base64 JSON, TimestampSigner, django-concat SHA-1)",
    defaultCookieName: "session",
    defaultMaxAge: 1209600,
    signing: {
      salt: "itsdangerous.Signer",
      keyDerivation: "django-concat",
      digest: "sha1",
      digests: SHA_FAMILY,
      compare: "mac-bytes",
      keyOrder: "newest-last",
      saltedSigner: true,
    },
    layout: ITSDANGEROUS_LAYOUT,
    holdsSessionData: true,
    rejectsFutureTimestamps: true,
    valueTypes: PYTHON_JSON,
  },
  django: {
    id: "django",
    label: "Django",
    summary: "Django signed_cookies session backend (':' separated, base62 time, HMAC-SHA256)",
    defaultCookieName: "sessionid",
    defaultMaxAge: 1209600,
    signing: {
      salt: "django.contrib.sessions.backends.signed_cookies",
      keyDerivation: "django-concat",
      digest: "sha256",
      digests: SHA_FAMILY,
      compare: "mac-text",
      keyOrder: "in-order",
      saltedSigner: true,
    },
    layout: {
      separator: ":",
      timestamp: "django-base62",
      companionSig: false,
      signatureAlphabet: "url",
    },
    holdsSessionData: true,
    rejectsFutureTimestamps: false,
    valueTypes: PYTHON_JSON,
  },
  "cookie-session": {
    id: "cookie-session",
    label: "Node cookie-session",
    summary: "Node cookie-session (base64 JSON + NAME.sig companion cookie, keygrip)",
    defaultCookieName: "session",
    defaultMaxAge: null,
    signing: {
      salt: "",
      keyDerivation: "none",
      digest: "sha1",
      digests: SHA_FAMILY,
      compare: "mac-text",
      keyOrder: "in-order",
      saltedSigner: false,
    },
    layout: { separator: null, timestamp: null, companionSig: true, signatureAlphabet: "url" },
    holdsSessionData: true,
    rejectsFutureTimestamps: false,
    valueTypes: [],
  },
  "express-session": {
    id: "express-session",
    label: "Node express-session",
    summary: "Node express-session signed session id (s:ID.SIG, cookie-signature HMAC-SHA256)",
    defaultCookieName: "connect.sid",
    defaultMaxAge: null,
    signing: {
      salt: "",
      keyDerivation: "none",
      digest: "sha256",
      digests: ["sha256"],
      compare: "mac-text",
      keyOrder: "in-order",
      saltedSigner: false,
    },
    layout: {
      separator: ".",
      timestamp: null,
      companionSig: false,
      signatureAlphabet: "standard",
    },
    holdsSessionData: false,
    rejectsFutureTimestamps: false,
    valueTypes: [],
  },
  itsdangerous: {
    id: "itsdangerous",
    label: "itsdangerous",
    summary:
      "a bare itsdangerous URLSafeTimedSerializer (salt/derivation/digest as given, compact JSON)",
    defaultCookieName: "session",
    defaultMaxAge: null,
    signing: {
      salt: "itsdangerous",
      keyDerivation: "django-concat",
      digest: "sha1",
      digests: SHA_FAMILY,
      compare: "mac-bytes",
      keyOrder: "newest-last",
      saltedSigner: true,
    },
    layout: ITSDANGEROUS_LAYOUT,
    holdsSessionData: true,
    rejectsFutureTimestamps: true,
    valueTypes: PYTHON_JSON,
  },
};

/** The signing parameters a side gets: its own where set, the format's otherwise. */
export function signingOf(
  format: FormatId,
  opts: { salt?: string; keyDerivation?: KeyDerivation; digest?: Digest },
): { salt: string; keyDerivation: KeyDerivation; digest: Digest } {
  const d = FORMAT_INFO[format].signing;
  const digest = d.digests.length === 1 ? d.digest : (opts.digest ?? d.digest);
  if (!d.saltedSigner) return { salt: "", keyDerivation: "none", digest };
  return {
    salt: opts.salt ?? d.salt,
    keyDerivation: opts.keyDerivation ?? d.keyDerivation,
    digest,
  };
}

/** How a format's signature text turns into the MAC bytes a key must produce. */
export function macEncodingOf(format: FormatId): MacEncoding {
  const info = FORMAT_INFO[format];
  if (info.signing.compare === "mac-bytes") return "b64url-lenient";
  return info.layout.signatureAlphabet === "url" ? "b64url-exact" : "b64std-unpadded-exact";
}
