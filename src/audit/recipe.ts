/**
 * What the audit needs from a cookie, prepared once: the bytes the framework signs, the MAC it
 * expects, and how a candidate secret becomes the MAC key (derivation, salt/prefix, digest).
 * Every candidate then costs only hash compressions; nothing here depends on the candidate.
 * The digest is read from the signature's length when the user does not give one, so a Django
 * 3.1/3.2 legacy (SHA-1) cookie is audited as such without a flag.
 */
import { b64DecodePy, b64urlDecodePy } from "../codec/base64/base64";
import { concatBytes, utf8Encode } from "../codec/bytes";
import { digestSize } from "../codec/crypto/hmac";
import { FORMAT_INFO, signingOf } from "../codec/formats/info";
import { PYTHON_COOKIE_FORMATS, pythonUnquote } from "../codec/formats/pythonUnquote";
import type { Digest, FormatId, KeyDerivation } from "../codec/types";

export interface AuditRecipe {
  format: FormatId;
  digest: Digest;
  /** How the MAC key is made from a candidate: `none` = the candidate itself. */
  derivation: KeyDerivation;
  /** hmac: the message of the derivation HMAC; concat/django-concat: the bytes hashed before the candidate. */
  salt: Uint8Array;
  /** The bytes the MAC covers. */
  message: Uint8Array;
  /** The MAC the cookie carries. */
  expected: Uint8Array;
}

export interface RecipeOptions {
  name?: string;
  sig?: string;
  salt?: string;
  digest?: Digest;
  keyDerivation?: KeyDerivation;
}

export type RecipeResult = { ok: true; recipe: AuditRecipe } | { ok: false; problem: string };

const BY_SIZE: Record<number, Digest> = { 20: "sha1", 32: "sha256", 64: "sha512" };
const SIGNER = utf8Encode("signer");

function fail(problem: string): RecipeResult {
  return { ok: false, problem };
}

/** Split a value into (signed text, signature text) as the format's verifier does. */
function signedParts(
  format: FormatId,
  raw: string,
  opts: RecipeOptions,
): { signed: string; sig: Uint8Array | null } | string {
  const sep = FORMAT_INFO[format].layout.separator;
  if (format === "cookie-session") {
    if (opts.sig === undefined)
      return "cookie-session keeps its signature in NAME.sig: give it with --sig";
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    const sig = opts.sig.startsWith('"') ? opts.sig.slice(1, -1) : opts.sig;
    return { signed: `${opts.name ?? "session"}=${value}`, sig: b64urlDecodePy(sig) };
  }
  if (format === "express-session") {
    let v = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (v.includes("%")) {
      try {
        v = decodeURIComponent(v);
      } catch {
        return "the value is not valid percent-encoding";
      }
    }
    if (!v.startsWith("s:"))
      return "an express-session value starts with s: (it is unsigned otherwise)";
    const dot = v.lastIndexOf(".");
    if (dot < 2) return "an express-session value is s:ID.SIGNATURE";
    const text = v.slice(dot + 1);
    return {
      signed: v.slice(2, dot),
      sig: b64DecodePy(text + "=".repeat((4 - (text.length % 4)) % 4)),
    };
  }
  const value = PYTHON_COOKIE_FORMATS.has(format) ? pythonUnquote(raw) : raw;
  const at = sep === null ? -1 : value.lastIndexOf(sep);
  if (at < 0)
    return `a ${FORMAT_INFO[format].label} value is payload${sep}timestamp${sep}signature`;
  return { signed: value.slice(0, at), sig: b64urlDecodePy(value.slice(at + 1)) };
}

export function prepareRecipe(
  format: FormatId,
  raw: string,
  opts: RecipeOptions = {},
): RecipeResult {
  const parts = signedParts(format, raw.trim(), opts);
  if (typeof parts === "string") return fail(parts);
  const { sig } = parts;
  if (sig === null || sig.length === 0) return fail("its signature is not base64");
  const info = FORMAT_INFO[format];
  const digest = opts.digest ?? BY_SIZE[sig.length];
  if (digest === undefined || !info.signing.digests.includes(digest)) {
    return fail(
      `its ${sig.length}-byte signature is not a full ${info.signing.digests.join("/")} MAC, so no secret can verify it`,
    );
  }
  if (digestSize(digest) !== sig.length) {
    return fail(
      `its ${sig.length}-byte signature cannot be ${digest} (${digestSize(digest)} bytes)`,
    );
  }
  const s = signingOf(format, { salt: opts.salt, digest, keyDerivation: opts.keyDerivation });
  const salt = utf8Encode(s.salt);
  return {
    ok: true,
    recipe: {
      format,
      digest,
      derivation: s.keyDerivation,
      salt: s.keyDerivation === "django-concat" ? concatBytes(salt, SIGNER) : salt,
      message: utf8Encode(parts.signed),
      expected: sig,
    },
  };
}
