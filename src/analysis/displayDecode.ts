/**
 * Which decoding the decoded view shows. Prefer a side that accepts the cookie (verified data
 * and the key that verified it); else a side that could at least read the payload; else the
 * detected format without a secret, so a cookie is readable before any side is declared.
 */
import { decodeCookie } from "../codec";
import type { DecodeResult, FormatId } from "../codec/types";
import type { Agreement, SideJudgement } from "./agreement";

export interface DisplayDecode {
  result: DecodeResult;
  /** The side whose reading this is; null when decoded by shape only. */
  via: SideJudgement | null;
}

export function decodeForDisplay(
  agreement: Agreement,
  detected: readonly FormatId[],
  sig?: string,
): DisplayDecode | null {
  const js = agreement.judgements;
  const accepted = js.find((j) => j.outcome === "accepts");
  if (accepted) return { result: accepted.result, via: accepted };
  const readable = js.find((j) => j.result.data !== undefined);
  if (readable) return { result: readable.result, via: readable };
  const format = detected[0];
  if (!format) return null;
  const result = decodeCookie(format, agreement.cookie.value, {
    name: agreement.cookie.name,
    ...(sig !== undefined ? { sig } : {}),
  });
  return result.data === undefined && result.status === "malformed" ? null : { result, via: null };
}
