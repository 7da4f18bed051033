/**
 * Node `express-session` (spec §9): the cookie holds only a signed session id,
 * `s:` + id + `.` + base64(HMAC-SHA256(secret, id)) without `=`, percent-encoded by
 * `cookie.serialize`. cookie-signature compares the whole string; secrets[0] signs.
 */
import { b64EncodeStd } from "../base64/base64";
import { timingSafeStringEqual, utf8Encode } from "../bytes";
import { CodecError } from "../errors";
import { result } from "../result";
import { keyTrials, type Mac, macFor } from "../signing/keys";
import type { CodecOptions, DecodeResult, KeyUsed } from "../types";
import { type Format, requireSecret } from "./format";
import { signingOf } from "./info";

const { digest } = signingOf("express-session", {});
const macMaker = (secret: NonNullable<CodecOptions["secret"]>) =>
  macFor("none", digest, "", secret);

function signId(id: string, mac: Mac): string {
  return `${id}.${b64EncodeStd(mac(utf8Encode(id))).replace(/=+$/, "")}`;
}

/** cookie.parse: strip one pair of quotes, then decodeURIComponent when there is a `%`. */
function cookieParseValue(raw: string): string {
  const v = raw.charCodeAt(0) === 0x22 ? raw.slice(1, -1) : raw;
  if (!v.includes("%")) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export const expressSession: Format = {
  decode(raw, opts): DecodeResult {
    const value = cookieParseValue(raw);
    const trials = keyTrials("in-order", macMaker, opts.secret, opts.fallbacks);
    if (!value.startsWith("s:")) {
      const why = "it has no `s:` prefix, so express-session treats it as unsigned and ignores it";
      return result(
        "express-session",
        trials.length ? "bad_signature" : "malformed",
        `Not a signed express-session id: ${why}.`,
      );
    }
    const input = value.slice(2);
    const id = input.slice(0, input.lastIndexOf("."));
    const fields = { data: id, payloadJson: null };
    if (trials.length === 0) {
      return result(
        "express-session",
        "unverified",
        "Decoded the express-session id without checking it: no secret given. The session itself lives in the server's store.",
        fields,
      );
    }
    let key: KeyUsed | null = null;
    for (const t of trials) {
      if (timingSafeStringEqual(signId(id, t.mac), input)) {
        key = t.key;
        break;
      }
    }
    if (key === null) {
      return result(
        "express-session",
        "bad_signature",
        `express-session rejects this id: its signature ${trials.length === 1 ? "does not match the given secret" : `matches none of the ${trials.length} given secrets`}; the app issues a new session.`,
        fields,
      );
    }
    const via =
      key === "secret"
        ? "secret[0]"
        : `secret[${Number(key.slice(9)) + 1}] (not re-signed unless rolling)`;
    return result(
      "express-session",
      "valid",
      `Valid express-session id, signed with ${via}; the session data lives in the server's store.`,
      { ...fields, key },
    );
  },

  sign(data, opts) {
    const secret = requireSecret(opts, "express-session");
    if (typeof data !== "string") {
      throw new CodecError(
        "unencodable",
        'express-session signs a session id: give it as a JSON string, e.g. "abc123".',
      );
    }
    const signed = `s:${signId(data, macMaker(secret))}`;
    try {
      // cookie.serialize encodes with encodeURIComponent, which throws on a lone surrogate.
      return { value: encodeURIComponent(signed) };
    } catch {
      throw new CodecError(
        "unencodable",
        "express-session cannot write this id: it holds a lone surrogate, which encodeURIComponent refuses (URIError).",
      );
    }
  },
};
