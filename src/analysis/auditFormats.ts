/**
 * Which formats the panel's audit tries for a cookie. A side's reading names the format; a
 * reading by shape alone is only a guess, and a Flask-shaped value may as well be a bare
 * itsdangerous or a Starlette one, so every format the shape fits is tried, the guess first
 * (as `sessionlens audit` does under auto).
 */
import type { CodecOptions, FormatId } from "../codec/types";
import type { DisplayDecode } from "./displayDecode";

export function auditFormats(
  display: DisplayDecode | null,
  detected: readonly FormatId[],
): FormatId[] {
  const first = display?.result.format ?? detected[0];
  if (first === undefined) return [];
  if (display?.via) return [first];
  return [first, ...detected.filter((f) => f !== first)];
}

/** What an audit's MAC depends on besides the secret, as a side may set it. */
export type AuditSigning = Pick<CodecOptions, "salt" | "digest" | "keyDerivation">;

/**
 * The signing options to audit `format` with: the reading side's own salt, digest and key
 * derivation when that side is of this format (an app that changed them signs with them), else
 * none, so the format's defaults apply.
 */
export function auditSigning(display: DisplayDecode | null, format: FormatId): AuditSigning {
  const side = display?.via?.side;
  if (side === undefined || side.format !== format) return {};
  const signing: AuditSigning = {};
  const { salt, digest, keyDerivation } = side.options;
  if (salt !== undefined) signing.salt = salt;
  if (digest !== undefined) signing.digest = digest;
  if (keyDerivation !== undefined) signing.keyDerivation = keyDerivation;
  return signing;
}
