/**
 * Django `signed_cookies` sessions (spec §10): itsdangerous-like layout with `:` separators,
 * a base62 timestamp, django-concat key derivation with SHA-256 (SHA-1 for 3.1/3.2 legacy mode)
 * and signature *strings* compared. No future-timestamp check. Pickle payloads are never decoded.
 */
import { parseJson } from "../json/parse";
import { DJANGO_DIALECT } from "../json/pyDumps";
import { keyTrials, macFor } from "../signing/keys";
import { signTimed, type TimedScheme } from "../signing/timed";
import type { CodecOptions } from "../types";
import { dumpOrExplain } from "./flask";
import { type Format, maxAgeOf, nowOf, requireSecret, signTimestamp } from "./format";
import { FORMAT_INFO, signingOf } from "./info";
import { decodeTimed } from "./timedFamily";
import { readUrlSafePayload, writeUrlSafePayload } from "./urlsafePayload";

const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function b62Encode(n: number): string {
  if (n === 0) return "0";
  let s = "";
  for (let x = Math.abs(n); x > 0; x = Math.floor(x / 62)) s = B62[x % 62] + s;
  return n < 0 ? `-${s}` : s;
}

export function b62Decode(s: string): number | null {
  const negative = s.startsWith("-");
  let n = 0;
  for (const ch of negative ? s.slice(1) : s) {
    const digit = B62.indexOf(ch);
    if (digit < 0) return null;
    n = n * 62 + digit;
  }
  return Number.isSafeInteger(n) ? (negative ? -n : n) : null;
}

const DJANGO_TS: TimedScheme = {
  sep: ":",
  encodeTs: b62Encode,
  decodeTs: b62Decode,
  compare: "string",
};

function macMaker(opts: CodecOptions) {
  const { salt, keyDerivation, digest } = signingOf("django", opts);
  return (secret: NonNullable<CodecOptions["secret"]>) =>
    macFor(keyDerivation, digest, salt, secret);
}

export const django: Format = {
  decode(value, opts) {
    return decodeTimed(
      {
        format: "django",
        label: "Django",
        scheme: DJANGO_TS,
        trials: keyTrials(
          FORMAT_INFO.django.signing.keyOrder,
          macMaker(opts),
          opts.secret,
          opts.fallbacks,
        ),
        maxAge: maxAgeOf(opts, FORMAT_INFO.django.defaultMaxAge),
        now: nowOf(opts),
        futureExpires: false,
        legacyEpoch: false,
        readPayload: (segment) => readUrlSafePayload(segment, "latin1"),
        load: (json) => parseJson(json, "python"),
      },
      value,
    );
  },

  sign(data, opts) {
    const secret = requireSecret(opts, "Django");
    const json = dumpOrExplain(data, { ...DJANGO_DIALECT, sortKeys: opts.sortKeys ?? false });
    const trial = { mac: macMaker(opts)(secret), key: "secret" as const };
    return { value: signTimed(DJANGO_TS, writeUrlSafePayload(json), signTimestamp(opts), trial) };
  },
};
