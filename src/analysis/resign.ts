/**
 * Signing an edited session for a side, and the check that proves a side's settings before
 * anything is written: re-signing the unchanged value with the original timestamp must give
 * back the exact cookie ("re-signs byte-identical"). Pure: the panel's sign-for and any other
 * caller share it. Values the target side cannot hold are converted (convertValue.ts) with a
 * warning each.
 */
import { signSession } from "../codec/sign";
import type { DecodeResult, SignResult } from "../codec/types";
import type { Value } from "../codec/value";
import type { Side } from "../model/side";
import { type ConvertWarning, convertValue, representable } from "./convertValue";
import { sideToCodecOptions } from "./sideOptions";

export type TimestampMode = "keep" | "now" | "custom";

export interface SignRequest {
  side: Side;
  data: Value;
  mode: TimestampMode;
  /** Unix seconds: the original cookie's signing time (for `keep`). */
  original: number | bigint | null;
  /** Unix seconds, for `custom`. */
  custom?: number;
  /** Unix seconds. */
  now: number;
}

export type Signed =
  | { ok: true; signed: SignResult; warnings: ConvertWarning[]; timestamp: number | bigint }
  | { ok: false; reason: string };

export function timestampFor(
  req: Pick<SignRequest, "mode" | "original" | "custom" | "now">,
): number | bigint {
  if (req.mode === "keep" && req.original !== null) return req.original;
  if (req.mode === "custom" && req.custom !== undefined) return req.custom;
  return req.now;
}

export function signFor(req: SignRequest): Signed {
  const { side } = req;
  const { value, warnings } = convertValue(
    req.data,
    representable(side.format, side.options.untagged),
  );
  const timestamp = timestampFor(req);
  try {
    const opts = { ...sideToCodecOptions(side, { now: req.now }), timestamp };
    return { ok: true, signed: signSession(side.format, value, opts), warnings, timestamp };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export type IdentityCheck =
  | { kind: "identical" }
  | { kind: "differs"; detail: string }
  | { kind: "unavailable"; detail: string };

/** Does re-signing what `result` decoded, for `side`, give back `value` (and `sig`) exactly? */
export function resignsIdentical(
  side: Side,
  result: DecodeResult,
  cookie: { value: string; sig?: string },
  now: number,
): IdentityCheck {
  if (
    result.data === undefined ||
    (result.status !== "valid" && result.status !== "valid_legacy")
  ) {
    return {
      kind: "unavailable",
      detail: `${side.label} does not verify this cookie, so there is nothing to re-sign.`,
    };
  }
  const signed = signFor({
    side,
    data: result.data,
    mode: "keep",
    original: result.timestamp,
    now,
  });
  if (!signed.ok) return { kind: "unavailable", detail: signed.reason };
  if (signed.signed.value !== cookie.value) {
    return {
      kind: "differs",
      detail: `Re-signing the unchanged session for ${side.label} gives a different cookie: check the side's settings (salt, digest, key order, ASCII, tags) before writing.`,
    };
  }
  if (
    signed.signed.sig !== undefined &&
    cookie.sig !== undefined &&
    signed.signed.sig !== cookie.sig
  ) {
    return {
      kind: "differs",
      detail: `The re-signed ${side.label} value matches but its .sig does not.`,
    };
  }
  return { kind: "identical" };
}
