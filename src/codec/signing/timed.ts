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
import { utf8EncodeScratch } from "../bytes";
import { CodecError } from "../errors";
import type { KeyUsed } from "../types";
import { firstMatch, type KeyTrial } from "./keys";
import { type MacEncoding, macFromText } from "./macText";

export interface TimedScheme {
  sep: "." | ":";
  encodeTs(ts: number | bigint): string;
  /** The embedded integer, exact (a bigint past 2^53); null when the segment is unreadable. */
  decodeTs(text: string): number | bigint | null;
  /** itsdangerous decodes the signature and compares bytes; Django compares the base64 text. */
  mac: MacEncoding;
  /** Largest timestamp the framework can write (itsdangerous packs 8 bytes); null: no bound. */
  maxTs: bigint | null;
  /** Why a larger one cannot be written, in the framework's terms. */
  maxTsReason: string;
}

export type TimedStructure = "ok" | "no-separator" | "no-timestamp" | "bad-timestamp";

/** A timed value cut at its separators; nothing decoded yet. */
export interface TimedParts {
  structure: Exclude<TimedStructure, "bad-timestamp">;
  /** The signed text: everything before the last separator (null without one). */
  body: string | null;
  signatureText: string | null;
  /** Text before the timestamp (or before the signature when the timestamp is missing). */
  payload: string | null;
  timestampText: string | null;
}

export interface TimedUnsign {
  structure: TimedStructure;
  /** Text before the timestamp (or before the signature when the timestamp is missing). */
  payload: string | null;
  /** Raw embedded timestamp, exact. */
  timestamp: number | bigint | null;
  /** The key whose signature matched; null when none did (or no keys were given). */
  key: KeyUsed | null;
  /** Why no key can match the signature text (bad base64, non-canonical); null otherwise. */
  macProblem: string | null;
}

export const ITSDANGEROUS_TS: TimedScheme = {
  sep: ".",
  encodeTs: (ts) => b64urlEncode(intToBytes(ts)),
  decodeTs: (text) => {
    const bytes = b64urlDecodePy(text);
    return bytes === null ? null : bytesToInt(bytes);
  },
  mac: "b64url-lenient",
  maxTs: MAX_PACKED_INT,
  maxTsReason: "itsdangerous packs the timestamp into 8 bytes (struct.error past 2^64 − 1)",
};

/** itsdangerous `rsplit(sep, 1)` twice: signature, then timestamp. */
export function splitTimed(sep: "." | ":", value: string): TimedParts {
  const sigAt = value.lastIndexOf(sep);
  if (sigAt < 0) {
    return {
      structure: "no-separator",
      body: null,
      signatureText: null,
      payload: null,
      timestampText: null,
    };
  }
  const body = value.slice(0, sigAt);
  const signatureText = value.slice(sigAt + 1);
  const tsAt = body.lastIndexOf(sep);
  if (tsAt < 0) {
    return { structure: "no-timestamp", body, signatureText, payload: body, timestampText: null };
  }
  return {
    structure: "ok",
    body,
    signatureText,
    payload: body.slice(0, tsAt),
    timestampText: body.slice(tsAt + 1),
  };
}

/** Signature first (as itsdangerous' Signer.unsign), then the timestamp; the payload is left alone. */
export function unsignTimed(
  scheme: TimedScheme,
  value: string,
  trials: readonly KeyTrial[],
): TimedUnsign {
  const parts = splitTimed(scheme.sep, value);
  let key: KeyUsed | null = null;
  let macProblem: string | null = null;
  if (parts.body !== null && parts.signatureText !== null) {
    const expected = macFromText(scheme.mac, parts.signatureText);
    macProblem = expected.problem;
    // the body bytes are read by each MAC at once, nothing else encodes meanwhile
    if (trials.length > 0) key = firstMatch(trials, utf8EncodeScratch(parts.body), expected.mac);
  }
  const { structure, payload, timestampText } = parts;
  if (structure !== "ok" || timestampText === null) {
    return { structure, payload, timestamp: null, key, macProblem };
  }
  const timestamp = scheme.decodeTs(timestampText);
  if (timestamp === null) {
    return { structure: "bad-timestamp", payload, timestamp: null, key, macProblem };
  }
  return { structure: "ok", payload, timestamp, key, macProblem };
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
