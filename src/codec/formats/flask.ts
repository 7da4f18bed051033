/**
 * Flask `SecureCookieSessionInterface` (docs/formats.md §8) and look-alikes: starlette-flask
 * (§10) is Flask signing with untagged, unsorted, raw-UTF-8 JSON (`untagged`, `sortKeys: false`,
 * `ensureAscii: false`).
 */

import { CodecError } from "../errors";
import { JsonError } from "../json/errors";
import { parseJson } from "../json/parse";
import { FLASK_DIALECT, pyDumps } from "../json/pyDumps";
import { keyTrials, macFor } from "../signing/keys";
import { ITSDANGEROUS_TS, signTimed } from "../signing/timed";
import type { CodecOptions } from "../types";
import { isDict, type Value } from "../value";
import { tag, untag } from "./flaskTags";
import { type Format, maxAgeOf, requireSecret, signTimestamp, wholeSecondsNow } from "./format";
import { FORMAT_INFO, signingOf } from "./info";
import { decodeTimed, locateTimed } from "./timedFamily";
import { readUrlSafePayload, writeUrlSafePayload } from "./urlsafePayload";

function macMaker(opts: CodecOptions) {
  const { salt, keyDerivation, digest } = signingOf("flask", opts);
  return (secret: NonNullable<CodecOptions["secret"]>) =>
    macFor(keyDerivation, digest, salt, secret);
}

function loadFlask(json: string, untagged: boolean): Value {
  const parsed = parseJson(json, "python");
  const data = untagged ? parsed : untag(parsed);
  if (!isDict(data))
    throw new JsonError("the session JSON is not an object, and Flask needs a dict");
  return data;
}

export const flask: Format = {
  locate: (value) => locateTimed(ITSDANGEROUS_TS, value),

  decode(value, opts) {
    const untagged = opts.untagged === true;
    return decodeTimed(
      {
        format: "flask",
        label: untagged ? "Flask (untagged)" : "Flask",
        scheme: ITSDANGEROUS_TS,
        trials: keyTrials(
          FORMAT_INFO.flask.signing.keyOrder,
          macMaker(opts),
          opts.secret,
          opts.fallbacks,
        ),
        maxAge: maxAgeOf(opts, FORMAT_INFO.flask.defaultMaxAge),
        now: wholeSecondsNow(opts),
        futureExpires: FORMAT_INFO.flask.rejectsFutureTimestamps,
        legacyEpoch: true,
        timestampBound: "datetime",
        readPayload: (segment) => readUrlSafePayload(segment),
        load: (json) => loadFlask(json, untagged),
      },
      value,
    );
  },

  sign(data, opts) {
    const secret = requireSecret(opts, "Flask");
    if (!isDict(data))
      throw new CodecError("unencodable", "A Flask session must be a JSON object (a dict).");
    const json = dumpOrExplain(opts.untagged === true ? data : tag(data), {
      sortKeys: opts.sortKeys ?? FLASK_DIALECT.sortKeys,
      ensureAscii: opts.ensureAscii ?? FLASK_DIALECT.ensureAscii,
      separators: FLASK_DIALECT.separators,
    });
    const payload = writeUrlSafePayload(json);
    const trial = { mac: macMaker(opts)(secret), key: "secret" as const };
    return { value: signTimed(ITSDANGEROUS_TS, payload, signTimestamp(opts), trial) };
  },
};

/** pyDumps throws JsonError for values the dialect cannot write; callers get a CodecError. */
export function dumpOrExplain(v: Value, dialect: Parameters<typeof pyDumps>[1]): string {
  let json: string;
  try {
    json = pyDumps(v, dialect);
  } catch (e) {
    if (e instanceof JsonError) throw new CodecError("unencodable", e.message);
    throw e;
  }
  // Without ensure_ascii a lone surrogate stays raw in the text, and the framework's
  // .encode("utf-8") of it raises UnicodeEncodeError (escaped, it is plain ASCII).
  const lone = dialect.ensureAscii ? null : LONE_SURROGATE.exec(json);
  if (lone) {
    const unit = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw new CodecError(
      "unencodable",
      `The session holds a lone surrogate (U+${unit}), which Python cannot encode as UTF-8 (UnicodeEncodeError) when ensure_ascii is off.`,
      "ensureAscii",
    );
  }
  return json;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
