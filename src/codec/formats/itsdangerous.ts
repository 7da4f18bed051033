/** A bare itsdangerous `URLSafeTimedSerializer` (its `_CompactJSON`: no tags, insertion order, raw UTF-8). */
import { parseJson } from "../json/parse";
import { COMPACT_DIALECT } from "../json/pyDumps";
import { keyTrials, macFor } from "../signing/keys";
import { ITSDANGEROUS_TS, signTimed } from "../signing/timed";
import type { CodecOptions } from "../types";
import { dumpOrExplain } from "./flask";
import { type Format, maxAgeOf, requireSecret, signTimestamp, wholeSecondsNow } from "./format";
import { FORMAT_INFO, signingOf } from "./info";
import { decodeTimed, locateTimed } from "./timedFamily";
import { readUrlSafePayload, writeUrlSafePayload } from "./urlsafePayload";

function macMaker(opts: CodecOptions) {
  const { salt, keyDerivation, digest } = signingOf("itsdangerous", opts);
  return (secret: NonNullable<CodecOptions["secret"]>) =>
    macFor(keyDerivation, digest, salt, secret);
}

export const itsdangerous: Format = {
  locate: (value) => locateTimed(ITSDANGEROUS_TS, value),

  decode(value, opts) {
    return decodeTimed(
      {
        format: "itsdangerous",
        label: "itsdangerous",
        scheme: ITSDANGEROUS_TS,
        trials: keyTrials(
          FORMAT_INFO.itsdangerous.signing.keyOrder,
          macMaker(opts),
          opts.secret,
          opts.fallbacks,
        ),
        maxAge: maxAgeOf(opts, FORMAT_INFO.itsdangerous.defaultMaxAge),
        now: wholeSecondsNow(opts),
        futureExpires: FORMAT_INFO.itsdangerous.rejectsFutureTimestamps,
        legacyEpoch: true,
        timestampBound: "datetime",
        readPayload: (segment) => readUrlSafePayload(segment),
        load: (json) => parseJson(json, "python"),
      },
      value,
    );
  },

  sign(data, opts) {
    const secret = requireSecret(opts, "itsdangerous");
    const json = dumpOrExplain(data, {
      sortKeys: opts.sortKeys ?? COMPACT_DIALECT.sortKeys,
      ensureAscii: opts.ensureAscii ?? COMPACT_DIALECT.ensureAscii,
      separators: COMPACT_DIALECT.separators,
    });
    const trial = { mac: macMaker(opts)(secret), key: "secret" as const };
    return {
      value: signTimed(ITSDANGEROUS_TS, writeUrlSafePayload(json), signTimestamp(opts), trial),
    };
  },
};
