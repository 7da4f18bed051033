/**
 * Starlette / FastAPI `SessionMiddleware` (docs/formats.md §11): STANDARD base64 (`+/=`) of Python
 * `json.dumps` defaults (`", "`/`": "`, ASCII, insertion order), itsdangerous `TimestampSigner`
 * with its default signing parameters (the format table, info.ts). No compression, no tags.
 */
import { b64DecodePy, b64EncodeStd } from "../base64/base64";
import { utf8Decode, utf8Encode } from "../bytes";
import { parseJson } from "../json/parse";
import { STARLETTE_DIALECT } from "../json/pyDumps";
import { keyTrials, macFor } from "../signing/keys";
import { ITSDANGEROUS_TS, signTimed } from "../signing/timed";
import type { CodecOptions } from "../types";
import { dumpOrExplain } from "./flask";
import { type Format, maxAgeOf, requireSecret, signTimestamp, wholeSecondsNow } from "./format";
import { FORMAT_INFO, signingOf } from "./info";
import { decodeTimed, locateTimed } from "./timedFamily";
import type { PayloadText } from "./urlsafePayload";

function macMaker(opts: CodecOptions) {
  const { salt, keyDerivation, digest } = signingOf("starlette", opts);
  return (secret: NonNullable<CodecOptions["secret"]>) =>
    macFor(keyDerivation, digest, salt, secret);
}

function readStarlettePayload(segment: string): PayloadText {
  const bytes = b64DecodePy(segment);
  if (bytes === null)
    return { ok: false, problem: "the payload is not valid base64", compressed: false };
  const json = utf8Decode(bytes);
  if (json === null)
    return { ok: false, problem: "the payload is not valid UTF-8 text", compressed: false };
  return { ok: true, json, compressed: false };
}

export const starlette: Format = {
  locate: (value) => locateTimed(ITSDANGEROUS_TS, value),

  decode(value, opts) {
    return decodeTimed(
      {
        format: "starlette",
        label: "Starlette",
        scheme: ITSDANGEROUS_TS,
        trials: keyTrials(
          FORMAT_INFO.starlette.signing.keyOrder,
          macMaker(opts),
          opts.secret,
          opts.fallbacks,
        ),
        maxAge: maxAgeOf(opts, FORMAT_INFO.starlette.defaultMaxAge),
        now: wholeSecondsNow(opts),
        futureExpires: FORMAT_INFO.starlette.rejectsFutureTimestamps,
        legacyEpoch: false,
        timestampBound: "datetime-with-max-age",
        readPayload: readStarlettePayload,
        load: (json) => parseJson(json, "python"),
      },
      value,
    );
  },

  sign(data, opts) {
    const secret = requireSecret(opts, "Starlette");
    const json = dumpOrExplain(data, {
      ...STARLETTE_DIALECT,
      sortKeys: opts.sortKeys ?? STARLETTE_DIALECT.sortKeys,
    });
    const payload = b64EncodeStd(utf8Encode(json));
    const trial = { mac: macMaker(opts)(secret), key: "secret" as const };
    return { value: signTimed(ITSDANGEROUS_TS, payload, signTimestamp(opts), trial) };
  },
};
