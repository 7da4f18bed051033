/**
 * When a signed cookie stops being accepted by one side: its signing time plus that side's
 * max_age (the format default unless the side overrides it, `null` meaning never). itsdangerous
 * formats also reject timestamps from the future when they check a max_age (docs/formats.md §4),
 * so that is its own state; Django does not (FORMAT_INFO.rejectsFutureTimestamps).
 */
import { FORMAT_INFO } from "../codec";
import type { Side } from "../model/side";

export type Expiry =
  | { kind: "no-timestamp" }
  | { kind: "no-max-age" }
  | { kind: "valid"; expiresAt: number; remaining: number; maxAge: number }
  | { kind: "expired"; expiredAt: number; ago: number; maxAge: number }
  | { kind: "future"; ahead: number };

/** Expiry of a cookie for one side: its max_age and its format's rule for future times. */
export function sideExpiry(
  side: Pick<Side, "format" | "options">,
  signedAt: number | bigint | null,
  now: number,
): Expiry {
  return expiryFor(
    signedAt,
    effectiveMaxAge(side),
    now,
    FORMAT_INFO[side.format].rejectsFutureTimestamps,
  );
}

/** The max_age the side checks, in seconds, or null for none. */
export function effectiveMaxAge(side: Pick<Side, "format" | "options">): number | null {
  const own = side.options.maxAge;
  return own === undefined ? FORMAT_INFO[side.format].defaultMaxAge : own;
}

/**
 * Expiry of a cookie signed at `timestamp` (Unix s) for a side, judged at `now` (Unix s), by a
 * format that does or does not reject future signing times (the codec's own order of checks).
 */
export function expiryFor(
  signedAt: number | bigint | null,
  maxAge: number | null,
  now: number,
  rejectsFuture: boolean,
): Expiry {
  if (signedAt === null) return { kind: "no-timestamp" };
  const timestamp = Number(signedAt); // a double is exact enough for a duration
  if (maxAge === null) return { kind: "no-max-age" };
  if (rejectsFuture && now < timestamp) return { kind: "future", ahead: timestamp - now };
  const expiresAt = timestamp + maxAge;
  // age == max_age is still valid (docs/formats.md §4).
  if (now <= expiresAt) return { kind: "valid", expiresAt, remaining: expiresAt - now, maxAge };
  return { kind: "expired", expiredAt: expiresAt, ago: now - expiresAt, maxAge };
}
