/**
 * What every `decodeCookie` answer must satisfy whatever the input, for the fuzz tests: a
 * contract status with a sentence, `key` exactly beside a verified status, no exception swallowed
 * by the codec's safety net (observeInternalErrors: a decoder that throws is a bug even though
 * the caller only sees `malformed`), and bounded work per input — the payload it reached is at
 * most LIMITS.maxInflatedBytes, and the input took less than a generous deadline that only a
 * hang or a blow-up could reach (measured here, per input; not a speed test).
 */
import { afterAll, expect } from "vitest";
import {
  type CodecOptions,
  type DecodeResult,
  decodeCookie,
  type FormatId,
  LIMITS,
  type Status,
  VERIFIED_STATUSES,
} from "../../src/codec";
import { observeInternalErrors } from "../../src/codec/internalErrors";

const STATUSES: readonly Status[] = [
  "valid",
  "valid_legacy",
  "bad_signature",
  "expired",
  "bad_payload",
  "malformed",
  "unverified",
];
/** Far above any real decode (well under 50 ms even for a 1 MB inflate on a loaded box). */
export const DEADLINE_MS = 2000;

const swallowed: string[] = [];
observeInternalErrors((error, where) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  swallowed.push(`${where}: ${text}`);
});

let slowestMs = 0;
afterAll(() => {
  expect(slowestMs).toBeLessThan(DEADLINE_MS);
});

export function decodeChecked(
  format: FormatId | "auto",
  value: string,
  opts: CodecOptions,
): DecodeResult {
  swallowed.length = 0;
  const started = performance.now();
  const result = decodeCookie(format, value, opts);
  const elapsed = performance.now() - started;
  slowestMs = Math.max(slowestMs, elapsed);
  expect(
    swallowed,
    "the codec swallowed an exception (a safety net hid it behind a status)",
  ).toEqual([]);
  expect(elapsed).toBeLessThan(DEADLINE_MS);
  expect(result.payloadJson?.length ?? 0).toBeLessThanOrEqual(LIMITS.maxInflatedBytes);
  expect(STATUSES).toContain(result.status);
  expect(result.detail.trim()).not.toBe("");
  if (format !== "auto") expect(result.format).toBe(format);
  const hasKey = opts.secret !== undefined || (opts.fallbacks?.length ?? 0) > 0;
  if (!hasKey) {
    expect(["unverified", "malformed"]).toContain(result.status);
  } else if (format !== "auto") {
    // With an explicit format, what the verifier rejects is bad_signature, not malformed.
    expect(["malformed", "unverified"]).not.toContain(result.status);
  }
  expect(result.key !== null, `key ${result.key} beside ${result.status}`).toBe(
    VERIFIED_STATUSES.includes(result.status),
  );
  return result;
}
