/**
 * Node `cookie-session` (docs/formats.md §14): value = standard base64 of `JSON.stringify`, and a
 * companion `NAME.sig` cookie = keygrip HMAC over `NAME=value` (url-safe base64, no padding).
 * keys[0] (our `secret`) signs; keygrip compares signature *strings*, so padded or
 * non-canonical signatures are rejected. No timestamp, no expiry in the value. The signature is
 * checked before the value is parsed, as cookie-session does (keygrip first, then JSON).
 */
import { b64DecodeNode, b64EncodeStd, b64urlEncode } from "../base64/base64";
import { utf8Encode } from "../bytes";
import { CodecError } from "../errors";
import { reportInternalError } from "../internalErrors";
import { JsonError } from "../json/errors";
import { jsDumps } from "../json/jsDumps";
import { parseJson } from "../json/parse";
import { result } from "../result";
import { firstMatch, keyTrials, macFor } from "../signing/keys";
import { macFromText } from "../signing/macText";
import type { CodecOptions, DecodeResult } from "../types";
import { type Dict, dict, isDict, type Value } from "../value";
import { type Format, requireSecret, type SignedPart } from "./format";
import { FORMAT_INFO, macEncodingOf, signingOf } from "./info";

// Buffer's toString("utf8") keeps a leading byte-order mark (and JSON.parse then fails on it);
// TextDecoder drops one unless told not to.
const lenientUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * What cookie-session's Session object already has, on itself or its prototype chain: its
 * constructor copies a parsed key only `if (!(key in this))`, so the app never sees these.
 */
const RESERVED_KEYS = new Set([
  "_ctx",
  "isChanged",
  "isNew",
  "isPopulated",
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/**
 * What `for (var key in obj)` gives for a parsed value that is not an object: a string's and an
 * array's indices, nothing for a number, a boolean or null (and `if (obj)` skips falsy ones).
 */
function enumerated(data: Value): Dict {
  if (typeof data === "string")
    return dict([...Array(data.length).keys()].map((i) => [String(i), data[i]!]));
  if (Array.isArray(data)) return dict(data.map((item, i) => [String(i), item]));
  return dict([]);
}

/** The session as the app sees it: the keys its Session object shadows left out, and which. */
function asTheAppSees(parsed: Value): { data: Value; dropped: string[] } {
  const data = isDict(parsed) ? parsed : enumerated(parsed);
  const dropped = [...data.keys()].filter((k) => RESERVED_KEYS.has(k));
  if (dropped.length === 0) return { data, dropped };
  return { data: dict([...data].filter(([k]) => !RESERVED_KEYS.has(k))), dropped };
}

function droppedNote(dropped: string[]): string {
  if (dropped.length === 0) return "";
  const names = dropped.map((k) => JSON.stringify(k)).join(", ");
  return ` The app does not see ${names}: cookie-session's Session object already has ${dropped.length === 1 ? "that name" : "those names"}.`;
}

/** `cookies.get` strips one pair of surrounding double quotes. */
function unquote(v: string): string {
  return v.startsWith('"') ? v.slice(1, -1) : v;
}

function macMaker(opts: CodecOptions) {
  const { digest } = signingOf("cookie-session", opts);
  return (secret: NonNullable<CodecOptions["secret"]>) => macFor("none", digest, "", secret);
}

type Parsed =
  | { ok: true; data: Value; json: string; note: string }
  | { ok: false; problem: string; json: string | null };

function parseBody(value: string): Parsed {
  // Buffer.from(v, "base64").toString("utf8") never fails; invalid bytes become U+FFFD.
  const json = lenientUtf8.decode(b64DecodeNode(value));
  try {
    const { data, dropped } = asTheAppSees(parseJson(json, "js"));
    return { ok: true, data, json, note: droppedNote(dropped) };
  } catch (e) {
    if (!(e instanceof JsonError)) reportInternalError(e, "cookie-session load");
    return {
      ok: false,
      problem: e instanceof JsonError ? e.message : "the payload is not JSON",
      json,
    };
  }
}

/** keygrip signs `NAME=value`; the MAC is in the companion `NAME.sig` cookie. */
function locate(raw: string, opts: CodecOptions): SignedPart {
  const name = opts.name ?? FORMAT_INFO["cookie-session"].defaultCookieName;
  const signed = `${name}=${unquote(raw)}`;
  if (opts.signed === false) {
    return {
      signed,
      mac: null,
      problem: "the app has signed: false: nothing is signed",
      timestampText: null,
    };
  }
  if (opts.sig === undefined) {
    return { signed, mac: null, problem: `there is no ${name}.sig cookie`, timestampText: null };
  }
  const { mac, problem } = macFromText(macEncodingOf("cookie-session"), unquote(opts.sig));
  return { signed, mac, problem, timestampText: null };
}

/** `signed: false`: cookie-session reads the value as it is, with no key and no NAME.sig. */
function decodeUnsigned(value: string, name: string): DecodeResult {
  if (value === "") {
    return result(
      "cookie-session",
      "malformed",
      "The value is empty, which is how cookie-session deletes a session (req.session = null): the app starts a new one.",
    );
  }
  const body = parseBody(value);
  if (!body.ok) {
    return result(
      "cookie-session",
      "bad_payload",
      `The value is not JSON (${body.problem}); cookie-session silently starts a new session.`,
      { payloadJson: body.json },
    );
  }
  return result(
    "cookie-session",
    "valid",
    `Read as cookie-session with signed: false: the app checks no ${name}.sig, so anyone can write this session.${body.note}`,
    { data: body.data, payloadJson: body.json },
  );
}

export const cookieSession: Format = {
  locate,

  decode(raw, opts): DecodeResult {
    const name = opts.name ?? FORMAT_INFO["cookie-session"].defaultCookieName;
    const value = unquote(raw);
    const trials = keyTrials(
      FORMAT_INFO["cookie-session"].signing.keyOrder,
      macMaker(opts),
      opts.secret,
      opts.fallbacks,
    );
    const empty =
      "The value is empty, which is how cookie-session deletes a session (req.session = null): the app starts a new one.";
    if (opts.signed === false) return decodeUnsigned(value, name);
    if (trials.length === 0) {
      const body = value === "" ? null : parseBody(value);
      const fields = { data: body?.ok ? body.data : undefined, payloadJson: body?.json ?? null };
      if (body === null) return result("cookie-session", "malformed", empty, fields);
      if (!body.ok)
        return result(
          "cookie-session",
          "malformed",
          `Not a readable cookie-session value: ${body.problem}.`,
          fields,
        );
      return result(
        "cookie-session",
        "unverified",
        `Decoded as cookie-session without checking the signature: no key given.${body.note}`,
        fields,
      );
    }
    if (opts.sig === undefined) {
      return result(
        "cookie-session",
        "bad_signature",
        `cookie-session needs the ${name}.sig cookie to verify; without it the app ignores ${name} and starts a new session.`,
      );
    }
    // keygrip checks the signature before cookie-session parses anything: so do we.
    const part = locate(raw, opts);
    const key = firstMatch(trials, utf8Encode(part.signed!), part.mac);
    if (key === null) {
      return result(
        "cookie-session",
        "bad_signature",
        `cookie-session rejects this cookie: ${name}.sig ${trials.length === 1 ? "does not match the given key" : `matches none of the ${trials.length} given keys`} for "${name}=…"; the app deletes ${name}.sig and starts a new session.`,
      );
    }
    if (value === "") {
      return result("cookie-session", "bad_payload", `Signature good. ${empty}`, { key });
    }
    const body = parseBody(value);
    if (!body.ok) {
      return result(
        "cookie-session",
        "bad_payload",
        `Signature good, but the value is not JSON (${body.problem}); cookie-session silently starts a new session.`,
        { payloadJson: body.json, key },
      );
    }
    const via =
      key === "secret"
        ? "keys[0]"
        : `keys[${Number(key.slice(9)) + 1}] (the app re-signs ${name}.sig with keys[0])`;
    return result(
      "cookie-session",
      "valid",
      `Valid cookie-session cookie, signed with ${via}.${body.note}`,
      {
        data: body.data,
        payloadJson: body.json,
        key,
      },
    );
  },

  sign(data, opts) {
    const secret = opts.signed === false ? null : requireSecret(opts, "cookie-session");
    const name = opts.name ?? FORMAT_INFO["cookie-session"].defaultCookieName;
    let json: string;
    try {
      json = jsDumps(data);
    } catch (e) {
      throw new CodecError("unencodable", e instanceof Error ? e.message : String(e));
    }
    const value = b64EncodeStd(utf8Encode(json));
    if (secret === null) return { value }; // signed: false writes no NAME.sig
    const sig = b64urlEncode(macMaker(opts)(secret)(utf8Encode(`${name}=${value}`)));
    return { value, sig };
  },
};
