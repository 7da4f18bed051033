/**
 * The codec's public contract: format ids, options (one "side" of a shared cookie),
 * and the classified result of decoding. Everything here is plain data so it can
 * cross a postMessage boundary (panel ↔ background ↔ worker) unchanged, except
 * `Value` trees, which carry Maps and Uint8Arrays (both structured-clone safe).
 */
import type { Value } from "./value";

export const FORMAT_IDS = [
  "flask",
  "starlette",
  "django",
  "cookie-session",
  "express-session",
  "itsdangerous",
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export const DIGESTS = ["sha1", "sha256", "sha512"] as const;
export type Digest = (typeof DIGESTS)[number];
/** How the signing key is made from the secret (docs/formats.md §2). */
export const KEY_DERIVATIONS = ["hmac", "django-concat", "concat", "none"] as const;
export type KeyDerivation = (typeof KEY_DERIVATIONS)[number];

/** A secret as the framework holds it: text (UTF-8 encoded when used) or raw bytes. */
export type Secret = string | Uint8Array;

/**
 * Options for one format. Unset fields take the format's defaults (docs/formats.md).
 * `maxAge: null` means "no expiry check"; `undefined` means the format default.
 */
export interface CodecOptions {
  secret?: Secret;
  /** Older secrets that still verify, in the order the user gave them ("fallback:N"). */
  fallbacks?: Secret[];
  salt?: string;
  keyDerivation?: KeyDerivation;
  digest?: Digest;
  maxAge?: number | null;
  /** Clock for expiry checks, Unix seconds. Default: the real clock. */
  now?: number;
  /**
   * Timestamp to embed when signing, Unix seconds. Default: now. A bigint for values past
   * 2^53 (a cookie read back with such a timestamp re-signs exactly).
   */
  timestamp?: number | bigint;
  /** Cookie name (cookie-session signs `NAME=value`). Default `session`. */
  name?: string;
  /** cookie-session: the `NAME.sig` cookie's value. */
  sig?: string;
  /**
   * cookie-session's `signed` option (default true). With `signed: false` the app writes no
   * `NAME.sig` and reads any value it is given: decoding needs no key and signing writes the bare
   * value.
   */
  signed?: boolean;
  /** Flask JSON provider options; default true/true for flask. */
  sortKeys?: boolean;
  ensureAscii?: boolean;
  /** Flask without tags (starlette-flask). */
  untagged?: boolean;
  /**
   * Also read what a cookie says when no given key signed it (`bad_signature`), for showing it
   * to a person. The signature is still checked first and the verdict stays `bad_signature`;
   * the payload is then read as an unverified one would be (bounded like any reading). Off by
   * default: a forged payload then costs one MAC per key and is never inflated or parsed.
   */
  readRejected?: boolean;
}

export type Status =
  | "valid"
  | "valid_legacy"
  | "bad_signature"
  | "expired"
  | "bad_payload"
  | "malformed"
  | "unverified";

/**
 * The statuses reached only after a key's signature matched; `key` is set exactly for these
 * (an expired or unloadable cookie was still signed by that key). The one exception is a
 * cookie-session app with `signed: false`, which checks no signature: `valid` with key null.
 */
export const VERIFIED_STATUSES: readonly Status[] = [
  "valid",
  "valid_legacy",
  "expired",
  "bad_payload",
];

/** Which key verified: the current secret, or fallback N (0-based, in given order). */
export type KeyUsed = "secret" | `fallback:${number}`;

export interface DecodeResult {
  format: FormatId;
  status: Status;
  /** The decoded session where it could be read (also for bad_signature/expired/unverified). */
  data: Value | undefined;
  /** The exact JSON text inside the cookie, after base64/zlib; null when not reached. */
  payloadJson: string | null;
  /**
   * Signing time, Unix seconds (legacy-epoch timestamps already reinterpreted). A bigint
   * exactly when it is past Number.MAX_SAFE_INTEGER, so it is never rounded.
   */
  timestamp: number | bigint | null;
  compressed: boolean | null;
  key: KeyUsed | null;
  /** One sentence a person understands: what happened and, for failures, why. */
  detail: string;
}

export interface SignResult {
  /** The cookie value, exactly as the framework writes it in Set-Cookie. */
  value: string;
  /** cookie-session: the `NAME.sig` cookie value. */
  sig?: string;
}

/** Hard limits that keep hostile input cheap. */
export const LIMITS = {
  /** Longest cookie value accepted (browsers cap a cookie at 4096 bytes; allow headroom for logs). */
  maxCookieLength: 64 * 1024,
  /** Largest decompressed payload (a 4 KB cookie that inflates past this is a bomb). */
  maxInflatedBytes: 1024 * 1024,
  /** Deepest JSON nesting accepted. */
  maxDepth: 512,
} as const;
