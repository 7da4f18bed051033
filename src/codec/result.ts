/** Builders for DecodeResult, so every format reports the same shape. */
import {
  type DecodeResult,
  type FormatId,
  type KeyUsed,
  type Status,
  VERIFIED_STATUSES,
} from "./types";
import type { Value } from "./value";

export interface ResultFields {
  data?: Value | undefined;
  payloadJson?: string | null;
  timestamp?: number | bigint | null;
  compressed?: boolean | null;
  key?: KeyUsed | null;
}

export function result(
  format: FormatId,
  status: Status,
  detail: string,
  fields: ResultFields = {},
): DecodeResult {
  return {
    format,
    status,
    data: fields.data,
    payloadJson: fields.payloadJson ?? null,
    timestamp: fields.timestamp ?? null,
    compressed: fields.compressed ?? null,
    // A key is named only when its signature matched: never beside bad_signature or malformed.
    key: VERIFIED_STATUSES.includes(status) ? (fields.key ?? null) : null,
    detail,
  };
}

/** "fallback:N" label for the Nth fallback in the order the user gave them. */
export function keyLabel(index: number): KeyUsed {
  return index < 0 ? "secret" : `fallback:${index}`;
}
