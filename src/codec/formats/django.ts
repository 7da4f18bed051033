/**
 * Django `signed_cookies` sessions (docs/formats.md §12): itsdangerous' layout, `:` separators,
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
import { FORMAT_INFO, macEncodingOf, signingOf } from "./info";
import { decodeTimed, locateTimed } from "./timedFamily";
import { readUrlSafePayload, writeUrlSafePayload } from "./urlsafePayload";

const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function b62Encode(n: number | bigint): string {
  let x = BigInt(n);
  if (x === 0n) return "0";
  const negative = x < 0n;
  if (negative) x = -x;
  let s = "";
  for (; x > 0n; x /= 62n) s = B62[Number(x % 62n)] + s;
  return negative ? `-${s}` : s;
}

/**
 * Django's `b62_decode`, which has no bound: exact, a bigint past 2^53. Null where Django
 * raises (an empty segment, a character outside base62), which makes it start a new session.
 */
export function b62Decode(s: string): number | bigint | null {
  const negative = s.startsWith("-");
  const digits = negative ? s.slice(1) : s;
  if (s === "") return null;
  let n = 0;
  let exact: bigint | null = null;
  for (const ch of digits) {
    const digit = B62.indexOf(ch);
    if (digit < 0) return null;
    if (exact !== null) exact = exact * 62n + BigInt(digit);
    else if (n * 62 + digit > Number.MAX_SAFE_INTEGER) exact = BigInt(n) * 62n + BigInt(digit);
    else n = n * 62 + digit;
  }
  if (exact === null) return negative && n !== 0 ? -n : n;
  return negative ? -exact : exact;
}

const DJANGO_TS: TimedScheme = {
  sep: ":",
  encodeTs: b62Encode,
  decodeTs: b62Decode,
  mac: macEncodingOf("django"),
  maxTs: null,
  maxTsReason: "",
};

function macMaker(opts: CodecOptions) {
  const { salt, keyDerivation, digest } = signingOf("django", opts);
  return (secret: NonNullable<CodecOptions["secret"]>) =>
    macFor(keyDerivation, digest, salt, secret);
}

export const django: Format = {
  locate: (value) => locateTimed(DJANGO_TS, value),

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
        futureExpires: FORMAT_INFO.django.rejectsFutureTimestamps,
        legacyEpoch: false,
        timestampBound: "float",
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
