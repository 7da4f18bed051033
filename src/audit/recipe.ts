/**
 * What the audit needs from a cookie, prepared once: the codec's `prepareVerification` (the
 * bytes the framework signs, the MAC it expects, the key recipe) in the flat shape the kernels
 * read. Every candidate then costs only hash compressions; nothing here depends on a candidate.
 * The one thing the audit adds: when the user gives no digest, it is the one whose MAC length
 * the signature has, so a Django 3.1/3.2 legacy (SHA-1) cookie is audited as such without a flag.
 */
import { FORMAT_INFO } from "../codec/formats/info";
import type { Digest, FormatId, KeyDerivation } from "../codec/types";
import { type PreparedVerification, prepareVerification } from "../codec/verify/prepare";

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

function toRecipe(p: PreparedVerification & { expectedMac: Uint8Array }): AuditRecipe {
  const { kind, salt, prefix } = p.derivation;
  return {
    format: p.format,
    digest: p.digest,
    derivation: kind,
    salt: kind === "hmac" ? salt : prefix,
    message: p.signedBytes,
    expected: p.expectedMac,
  };
}

export function prepareRecipe(
  format: FormatId,
  raw: string,
  opts: RecipeOptions = {},
): RecipeResult {
  const digests = opts.digest ? [opts.digest] : FORMAT_INFO[format].signing.digests;
  let first: PreparedVerification | undefined;
  for (const digest of digests) {
    const prepared = prepareVerification(format, raw.trim(), { ...opts, digest });
    first ??= prepared;
    if (prepared.expectedMac !== null)
      return { ok: true, recipe: toRecipe({ ...prepared, expectedMac: prepared.expectedMac }) };
  }
  return { ok: false, problem: first?.problem ?? "it carries no signature" };
}
