/**
 * Node `express-session` (docs/formats.md §15): the cookie holds only a signed session id,
 * `s:` + id + `.` + base64(HMAC-SHA256(secret, id)) without `=`, percent-encoded by
 * `cookie.serialize`. cookie-signature compares the whole string; secrets[0] signs.
 */
import { b64EncodeStd } from "../base64/base64";
import { utf8Encode } from "../bytes";
import { CodecError } from "../errors";
import { result } from "../result";
import { firstMatch, keyTrials, type Mac, macFor } from "../signing/keys";
import { macFromText } from "../signing/macText";
import type { CodecOptions, DecodeResult } from "../types";
import { type Format, requireSecret, type SignedPart } from "./format";
import { FORMAT_INFO, macEncodingOf, signingOf } from "./info";

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

const NOT_SIGNED = "it has no `s:` prefix, so express-session treats it as unsigned and ignores it";

/** The id as cookie-signature's `unsign` takes it apart: `s:` + id + `.` + signature. */
function locate(raw: string): SignedPart {
  const value = cookieParseValue(raw);
  if (!value.startsWith("s:")) {
    return { signed: null, mac: null, problem: NOT_SIGNED, timestampText: null };
  }
  const input = value.slice(2);
  const dot = input.lastIndexOf(".");
  if (dot < 0) {
    return {
      signed: input.slice(0, -1),
      mac: null,
      problem: "there is no '.' before a signature",
      timestampText: null,
    };
  }
  const { mac, problem } = macFromText(macEncodingOf("express-session"), input.slice(dot + 1));
  return { signed: input.slice(0, dot), mac, problem, timestampText: null };
}

export const expressSession: Format = {
  locate,

  decode(raw, opts): DecodeResult {
    const trials = keyTrials(
      FORMAT_INFO["express-session"].signing.keyOrder,
      macMaker,
      opts.secret,
      opts.fallbacks,
    );
    const part = locate(raw);
    if (part.signed === null) {
      return result(
        "express-session",
        trials.length ? "bad_signature" : "malformed",
        `Not a signed express-session id: ${NOT_SIGNED}.`,
      );
    }
    // cookie-signature's `input.slice(0, lastIndexOf("."))`: without a dot that drops a character
    const id = part.signed;
    const fields = { data: id, payloadJson: null };
    if (trials.length === 0) {
      return result(
        "express-session",
        "unverified",
        "Decoded the express-session id without checking it: no secret given. The session itself lives in the server's store.",
        fields,
      );
    }
    const key = firstMatch(trials, utf8Encode(id), part.mac);
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
