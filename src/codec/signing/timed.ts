/**
 * itsdangerous `TimestampSigner` (and Django's `TimestampSigner`, which differs only in the
 * separator, the base62 timestamp and comparing signature strings): `payload SEP ts SEP sig`.
 * Unsigning is split from the age check so callers can still show what a rejected cookie says.
 */
import {
  b64urlDecodePy,
  b64urlEncode,
  bytesToInt,
  intToBytes,
  MAX_PACKED_INT,
} from "../base64/base64";
import { timingSafeEqual, timingSafeStringEqual, utf8EncodeScratch } from "../bytes";
import { CodecError } from "../errors";
import type { KeyUsed } from "../types";
import type { KeyTrial } from "./keys";

export interface TimedScheme {
  sep: "." | ":";
  encodeTs(ts: number | bigint): string;
  /** The embedded integer, exact (a bigint past 2^53); null when the segment is unreadable. */
  decodeTs(text: string): number | bigint | null;
  /** itsdangerous compares decoded signature bytes; Django compares the base64 text. */
  compare: "bytes" | "string";
  /** Largest timestamp the framework can write (itsdangerous packs 8 bytes); null: no bound. */
  maxTs: bigint | null;
  /** Why a larger one cannot be written, in the framework's terms. */
  maxTsReason: string;
}

export type TimedStructure = "ok" | "no-separator" | "no-timestamp" | "bad-timestamp";

export interface TimedUnsign {
  structure: TimedStructure;
  /** Text before the timestamp (or before the signature when the timestamp is missing). */
  payload: string | null;
  /** Raw embedded timestamp, exact. */
  timestamp: number | bigint | null;
  /** The key whose signature matched; null when none did (or no keys were given). */
  key: KeyUsed | null;
}

export const ITSDANGEROUS_TS: TimedScheme = {
  sep: ".",
  encodeTs: (ts) => b64urlEncode(intToBytes(ts)),
  decodeTs: (text) => {
    const bytes = b64urlDecodePy(text);
    return bytes === null ? null : bytesToInt(bytes);
  },
  compare: "bytes",
  maxTs: MAX_PACKED_INT,
  maxTsReason: "itsdangerous packs the timestamp into 8 bytes (struct.error past 2^64 − 1)",
};

export function unsignTimed(
  scheme: TimedScheme,
  value: string,
  trials: readonly KeyTrial[],
): TimedUnsign {
  const sigAt = value.lastIndexOf(scheme.sep);
  if (sigAt < 0) return { structure: "no-separator", payload: null, timestamp: null, key: null };
  const body = value.slice(0, sigAt);
  const key = matchSignature(scheme, body, value.slice(sigAt + 1), trials);
  const tsAt = body.lastIndexOf(scheme.sep);
  if (tsAt < 0) return { structure: "no-timestamp", payload: body, timestamp: null, key };
  const payload = body.slice(0, tsAt);
  const timestamp = scheme.decodeTs(body.slice(tsAt + 1));
  if (timestamp === null) return { structure: "bad-timestamp", payload, timestamp: null, key };
  return { structure: "ok", payload, timestamp, key };
}

function matchSignature(
  scheme: TimedScheme,
  body: string,
  sigText: string,
  trials: readonly KeyTrial[],
): KeyUsed | null {
  if (trials.length === 0) return null;
  const bodyBytes = utf8EncodeScratch(body); // read by each MAC, nothing else encodes meanwhile
  if (scheme.compare === "string") {
    for (const t of trials) {
      if (timingSafeStringEqual(b64urlEncode(t.mac(bodyBytes)), sigText)) return t.key;
    }
    return null;
  }
  const sig = b64urlDecodePy(sigText);
  if (sig === null) return null;
  for (const t of trials) {
    if (timingSafeEqual(t.mac(bodyBytes), sig)) return t.key;
  }
  return null;
}

export function signTimed(
  scheme: TimedScheme,
  payload: string,
  ts: number | bigint,
  trial: KeyTrial,
): string {
  if (scheme.maxTs !== null && BigInt(ts) > scheme.maxTs) {
    throw new CodecError(
      "bad_option",
      `The timestamp ${ts} cannot be signed: ${scheme.maxTsReason}.`,
      "timestamp",
    );
  }
  const body = payload + scheme.sep + scheme.encodeTs(ts);
  return body + scheme.sep + b64urlEncode(trial.mac(utf8EncodeScratch(body)));
}

/** itsdangerous: age > max_age or age < 0 (a future timestamp) is SignatureExpired. */
export type AgeVerdict = "fresh" | "too-old" | "future";

export function checkAge(
  ts: number,
  now: number,
  maxAge: number | null,
  futureExpires: boolean,
): AgeVerdict {
  if (maxAge === null) return "fresh";
  const age = now - ts;
  if (age > maxAge) return "too-old";
  if (futureExpires && age < 0) return "future";
  return "fresh";
}
