/**
 * When a signed cookie stops being accepted by one side: its signing time plus that side's
 * max_age (the format default unless the side overrides it, `null` meaning never). itsdangerous
 * also rejects timestamps from the future (docs/formats.md §4), so that is its own state.
 */
import { FORMAT_INFO } from "../codec";
import type { Side } from "../model/side";

export type Expiry =
  | { kind: "no-timestamp" }
  | { kind: "no-max-age" }
  | { kind: "valid"; expiresAt: number; remaining: number; maxAge: number }
  | { kind: "expired"; expiredAt: number; ago: number; maxAge: number }
  | { kind: "future"; ahead: number };

/** The max_age the side checks, in seconds, or null for none. */
export function effectiveMaxAge(side: Pick<Side, "format" | "options">): number | null {
  const own = side.options.maxAge;
  return own === undefined ? FORMAT_INFO[side.format].defaultMaxAge : own;
}

/** Expiry of a cookie signed at `timestamp` (Unix s) for a side, judged at `now` (Unix s). */
export function expiryFor(
  signedAt: number | bigint | null,
  maxAge: number | null,
  now: number,
): Expiry {
  if (signedAt === null) return { kind: "no-timestamp" };
  const timestamp = Number(signedAt); // a double is exact enough for a duration
  if (now < timestamp) return { kind: "future", ahead: timestamp - now };
  if (maxAge === null) return { kind: "no-max-age" };
  const expiresAt = timestamp + maxAge;
  // age == max_age is still valid (docs/formats.md §4).
  if (now <= expiresAt) return { kind: "valid", expiresAt, remaining: expiresAt - now, maxAge };
  return { kind: "expired", expiredAt: expiresAt, ago: now - expiresAt, maxAge };
}
