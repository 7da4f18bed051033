/**
 * The MAC a cookie carries, as bytes. Each framework writes its signature as base64 text and
 * checks a candidate one of two ways: itsdangerous decodes the text (leniently: padding and the
 * unused low bits are ignored) and compares bytes; Django, keygrip and cookie-signature encode
 * the candidate MAC and compare text. Text compare equals byte compare on the decoded bytes
 * exactly when the text is the canonical encoding of those bytes, so every format reduces to
 * "decode once per cookie, compare bytes per key" — which is what lets the verification
 * primitive (codec/verify) hand the audit a plain expected MAC.
 */
import { b64DecodeNode, b64EncodeStd, b64urlDecodePy, b64urlEncode } from "../base64/base64";

/** How a format writes and checks its signature text. */
export type MacEncoding =
  /** itsdangerous `base64_decode`: lenient URL-safe base64, bytes compared. */
  | "b64url-lenient"
  /** Django `b64_encode`, keygrip: URL-safe base64 without `=`, text compared. */
  | "b64url-exact"
  /** cookie-signature: standard base64 with the `=` stripped, text compared. */
  | "b64std-unpadded-exact";

export type MacFromText = { mac: Uint8Array; problem: null } | { mac: null; problem: string };

/** The MAC bytes a matching key must produce, or why no key can match this text. */
export function macFromText(encoding: MacEncoding, text: string): MacFromText {
  if (encoding === "b64url-lenient") {
    const mac = b64urlDecodePy(text);
    return mac === null
      ? { mac: null, problem: "the signature is not valid base64" }
      : { mac, problem: null };
  }
  // Any decoder that maps the canonical text to its bytes will do: the re-encoding check below
  // turns away everything else (padding, stray characters, unused low bits set).
  const mac = encoding === "b64url-exact" ? b64urlDecodePy(text) : b64DecodeNode(text);
  if (mac !== null) {
    const canonical =
      encoding === "b64url-exact" ? b64urlEncode(mac) : b64EncodeStd(mac).replace(/=+$/, "");
    if (canonical === text) return { mac, problem: null };
  }
  return {
    mac: null,
    problem:
      "the signature text is not what the framework writes for any MAC (padded or non-canonical base64), so no key matches it",
  };
}
