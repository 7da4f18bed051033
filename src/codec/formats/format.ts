/** What every format module provides, and the option defaults they share. */

import { CodecError } from "../errors";
import type { CodecOptions, DecodeResult, SignResult } from "../types";
import type { Value } from "../value";

export interface Format {
  decode(value: string, opts: CodecOptions): DecodeResult;
  sign(data: Value, opts: CodecOptions): SignResult;
  /** Where the signature is: what the MAC covers and the MAC the value carries (codec/verify). */
  locate(value: string, opts: CodecOptions): SignedPart;
}

/** The signed part of a cookie value, found without decoding its payload. */
export interface SignedPart {
  /** The exact text the MAC covers (UTF-8 encoded); null when the value has none. */
  signed: string | null;
  /** The MAC a matching key produces; null when no key can (see `problem`). */
  mac: Uint8Array | null;
  /** Why `mac` is null, as a clause ("the signature is not valid base64"); else null. */
  problem: string | null;
  /** The raw timestamp segment of timed formats; null otherwise or when missing. */
  timestampText: string | null;
}

/** The clock, Unix seconds: Django compares ages with the fractional `time.time()`. */
export function nowOf(opts: CodecOptions): number {
  return opts.now ?? Date.now() / 1000;
}

/**
 * The clock as itsdangerous reads it: `get_timestamp()` is `int(time.time())`, so a cookie is
 * judged by whole seconds (one 10.5 s old passes max_age=10).
 */
export function wholeSecondsNow(opts: CodecOptions): number {
  return Math.floor(nowOf(opts));
}

export function maxAgeOf(opts: CodecOptions, fallback: number | null): number | null {
  return opts.maxAge === undefined ? fallback : opts.maxAge;
}

/** Signing uses the current secret; there is nothing to sign with otherwise. */
export function requireSecret(
  opts: CodecOptions,
  label: string,
): NonNullable<CodecOptions["secret"]> {
  if (opts.secret === undefined) {
    throw new CodecError(
      "no_secret",
      `Signing a ${label} cookie needs the app's secret key.`,
      "secret",
    );
  }
  return opts.secret;
}

/** The timestamp to embed: a whole number ≥ 0 (a bigint only past 2^53, as decoding gives it). */
export function signTimestamp(opts: CodecOptions): number | bigint {
  const ts = opts.timestamp ?? Math.floor(nowOf(opts));
  if (typeof ts === "bigint") {
    if (ts >= 0n) return ts <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(ts) : ts;
  } else if (Number.isSafeInteger(ts) && ts >= 0) {
    return ts;
  }
  throw new CodecError(
    "bad_option",
    `The timestamp to embed must be a whole number of seconds ≥ 0, not ${ts}.`,
    "timestamp",
  );
}
