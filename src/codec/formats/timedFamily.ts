/**
 * Decoding shared by every `payload SEP timestamp SEP signature` format (Flask, starlette-flask,
 * itsdangerous, Starlette, Django). Order of checks follows itsdangerous: signature, then
 * timestamp, then age, then payload — so an expired cookie is `expired` even if its payload is
 * bad, and a payload is inflated and parsed only once a key's signature matched (or no key was
 * given, which makes the reading `unverified`).
 */

import { reportInternalError } from "../internalErrors";
import { civilFromDays, pad2 } from "../json/calendar";
import { JsonError } from "../json/errors";
import { type ResultFields, result } from "../result";
import type { KeyTrial } from "../signing/keys";
import { macFromText } from "../signing/macText";
import {
  checkAge,
  splitTimed,
  type TimedScheme,
  type TimedUnsign,
  unsignTimed,
} from "../signing/timed";
import type { DecodeResult, FormatId } from "../types";
import type { Value } from "../value";
import { TagError } from "./flaskTags";
import type { SignedPart } from "./format";
import type { PayloadText } from "./urlsafePayload";

/** itsdangerous < 1.0 counted seconds from 2011-01-01 (docs/formats.md §4). */
export const LEGACY_EPOCH = 1293840000;

export interface TimedFamily {
  format: FormatId;
  /** e.g. "Flask" — used in sentences. */
  label: string;
  scheme: TimedScheme;
  trials: readonly KeyTrial[];
  maxAge: number | null;
  now: number;
  /** itsdangerous refuses timestamps from the future; Django does not. */
  futureExpires: boolean;
  /** Recognise pre-1.0 itsdangerous timestamps. */
  legacyEpoch: boolean;
  /**
   * What bounds a correctly signed timestamp. "datetime": itsdangerous' serializer turns every
   * one into a Python datetime (years 1–9999) and raises past it; "datetime-with-max-age": a
   * bare TimestampSigner.unsign (Starlette) does so only to report an age check; "float": Django
   * has no bound but compares `time.time() - ts` as floats when it checks the age.
   */
  timestampBound: "datetime" | "datetime-with-max-age" | "float";
  readPayload(segment: string): PayloadText;
  /** JSON text → session; throws (with a readable message) when the framework could not load it. */
  load(json: string): Value;
}

interface Readout {
  data: Value | undefined;
  payloadJson: string | null;
  compressed: boolean | null;
  problem: string | null;
}

function readout(f: TimedFamily, payload: string | null): Readout {
  if (payload === null)
    return { data: undefined, payloadJson: null, compressed: null, problem: "no payload" };
  const text = f.readPayload(payload);
  if (!text.ok)
    return {
      data: undefined,
      payloadJson: null,
      compressed: text.compressed,
      problem: text.problem,
    };
  try {
    return {
      data: f.load(text.json),
      payloadJson: text.json,
      compressed: text.compressed,
      problem: null,
    };
  } catch (e) {
    // JsonError/TagError are the loaders' verdicts on the input; anything else is a bug.
    if (!(e instanceof JsonError || e instanceof TagError))
      reportInternalError(e, `${f.format} load`);
    const problem = e instanceof Error ? e.message : String(e);
    return { data: undefined, payloadJson: text.json, compressed: text.compressed, problem };
  }
}

/** The signed part of a timed value: everything before the last separator. */
export function locateTimed(scheme: TimedScheme, value: string): SignedPart {
  const parts = splitTimed(scheme.sep, value);
  if (parts.body === null || parts.signatureText === null) {
    return {
      signed: null,
      mac: null,
      problem: `there is no '${scheme.sep}' separator, so there is no signature`,
      timestampText: null,
    };
  }
  const { mac, problem } = macFromText(scheme.mac, parts.signatureText);
  return { signed: parts.body, mac, problem, timestampText: parts.timestampText };
}

const NOT_READ: Readout = { data: undefined, payloadJson: null, compressed: null, problem: null };

export function decodeTimed(f: TimedFamily, value: string): DecodeResult {
  const u = unsignTimed(f.scheme, value, f.trials);
  // As itsdangerous unsigns before it loads: a payload no given key signed is never inflated
  // or parsed (a forged zlib bomb costs one MAC). Without keys there is nothing to check first.
  const r = f.trials.length > 0 && u.key === null ? NOT_READ : readout(f, u.payload);
  // One fields object, completed as the verdict firms up (no spreads: this is the hot path).
  const fields: ResultFields = {
    data: r.data,
    payloadJson: r.payloadJson,
    compressed: r.compressed,
    timestamp: u.timestamp,
    key: null,
  };
  const sep = f.scheme.sep;

  if (f.trials.length === 0) {
    if (u.structure !== "ok" || r.problem !== null) {
      return result(
        f.format,
        "malformed",
        `Not a readable ${f.label} cookie: ${structureProblem(u, sep) ?? r.problem}.`,
        fields,
      );
    }
    return result(
      f.format,
      "unverified",
      `Decoded as ${f.label} without checking the signature: no secret given.${legacyNote(f, u)}`,
      fields,
    );
  }
  if (u.key === null) {
    const why =
      structureProblem(u, sep) ??
      u.macProblem ??
      `${mismatchText(f.trials.length)} (signed with another secret, salt or format)`;
    return result(
      f.format,
      "bad_signature",
      `${f.label} rejects this cookie: ${why}; it would start an empty session.`,
      fields,
    );
  }
  fields.key = u.key;
  if (u.structure !== "ok" || u.timestamp === null) {
    return result(
      f.format,
      "bad_signature",
      `${f.label} rejects this cookie: ${structureProblem(u, sep)}.`,
      fields,
    );
  }
  const bound = timestampProblem(f, u.timestamp);
  if (bound !== null) {
    return result(
      f.format,
      "bad_signature",
      `${f.label} rejects this cookie: malformed timestamp: ${bound}.`,
      fields,
    );
  }
  const ts = Number(u.timestamp); // exact in fields.timestamp; a double is enough for age checks
  const age = checkAge(ts, f.now, f.maxAge, f.futureExpires);
  if (age !== "fresh") {
    const why =
      age === "future"
        ? `it was signed ${Math.round(ts - f.now)} s in the future (clock skew?)`
        : `it is ${formatAge(f.now - ts)} old, past max_age ${f.maxAge} s`;
    return result(
      f.format,
      "expired",
      `Signature good, but ${f.label} treats it as expired: ${why}.${legacyNote(f, u)}`,
      fields,
    );
  }
  if (r.problem !== null) {
    return result(
      f.format,
      "bad_payload",
      `Signature good, but ${f.label} cannot load the payload: ${r.problem}.`,
      fields,
    );
  }
  if (f.legacyEpoch && ts < LEGACY_EPOCH) {
    fields.timestamp = ts + LEGACY_EPOCH;
    return result(
      f.format,
      "valid_legacy",
      `Valid ${f.label} cookie with a pre-1.0 itsdangerous timestamp (seconds since 2011-01-01), read as ${iso(ts + LEGACY_EPOCH)}.`,
      fields,
    );
  }
  const via =
    u.key === "secret" ? "the current secret" : `${u.key.replace(":", " ")} (an older secret)`;
  return result(
    f.format,
    "valid",
    `Valid ${f.label} cookie, signed ${iso(u.timestamp)} with ${via}.`,
    fields,
  );
}

/** Python's datetime ends with 9999-12-31T23:59:59Z; fromtimestamp raises from here on. */
const DATETIME_END = 253402300800;

/** Why the framework cannot use this correctly signed timestamp, or null when it can. */
function timestampProblem(f: TimedFamily, ts: number | bigint): string | null {
  const datetime =
    f.timestampBound === "datetime" ||
    (f.timestampBound === "datetime-with-max-age" && f.maxAge !== null);
  if (datetime && ts >= DATETIME_END) {
    return `${ts} is past the year 9999, which Python's datetime cannot hold (itsdangerous raises ValueError)`;
  }
  if (f.timestampBound === "float" && f.maxAge !== null && !Number.isFinite(Number(ts))) {
    return `a ${String(ts).length}-digit number is too large for Python to compare with the clock (OverflowError)`;
  }
  return null;
}

function structureProblem(u: TimedUnsign, sep: string): string | null {
  switch (u.structure) {
    case "no-separator":
      return `there is no '${sep}' separator, so there is no signature`;
    case "no-timestamp":
      return "the timestamp is missing (only two segments)";
    case "bad-timestamp":
      return "the timestamp segment is malformed";
    default:
      return null;
  }
}

function legacyNote(f: TimedFamily, u: TimedUnsign): string {
  if (!f.legacyEpoch || typeof u.timestamp !== "number" || u.timestamp >= LEGACY_EPOCH) return "";
  return ` Its timestamp looks like a pre-1.0 itsdangerous one (seconds since 2011-01-01): read that way it was signed ${iso(u.timestamp + LEGACY_EPOCH)}.`;
}

function mismatchText(n: number): string {
  return n === 1
    ? "the signature does not match the given secret"
    : `the signature matches none of the ${n} given secrets`;
}

/**
 * Seconds since the epoch as `2024-02-29T12:34:56Z` (Date's ISO form without ".000"); past
 * what a Date holds, the exact number of seconds.
 */
export function iso(ts: number | bigint): string {
  if (typeof ts === "bigint") return `Unix time ${ts}`;
  // Whole seconds in years 1970–9999, the case of every real cookie: plain arithmetic, which
  // costs a fraction of building a Date and formatting it.
  if (Number.isInteger(ts) && ts >= 0 && ts < 253402300800) {
    const days = Math.floor(ts / 86400);
    const seconds = ts - days * 86400;
    const { year, month, day } = civilFromDays(days);
    const hour = Math.floor(seconds / 3600);
    const minute = Math.floor((seconds % 3600) / 60);
    return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(seconds % 60)}Z`;
  }
  const d = new Date(ts * 1000);
  return Number.isNaN(d.getTime()) ? `Unix time ${ts}` : d.toISOString().replace(".000Z", "Z");
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}
