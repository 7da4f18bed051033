/** What every format module provides, and the option defaults they share. */

import { CodecError } from "../errors";
import type { CodecOptions, DecodeResult, SignResult } from "../types";
import type { Value } from "../value";

export interface Format {
  decode(value: string, opts: CodecOptions): DecodeResult;
  sign(data: Value, opts: CodecOptions): SignResult;
}

export function nowOf(opts: CodecOptions): number {
  return opts.now ?? Date.now() / 1000;
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
