/**
 * How the panel benchmarks act like a user, shared by the page bench (bench/audit-page.ts) and
 * the DevTools one (bench/audit-devtools.mjs).
 */

/** A user reads the selected cookie a moment before clicking "Audit secret". */
export const CLICK_AFTER_MS = 1000;

/**
 * The same cookie with another first signature character: a cookie the audit workers have no
 * kernel for yet (its expected MAC differs), still well-formed. The `variant`-th of 25.
 */
export function freshCookie(cookie, variant) {
  const sig = cookie.lastIndexOf(".") + 1;
  const other = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".replace(cookie[sig] ?? "", "")[variant % 25];
  return cookie.slice(0, sig) + other + cookie.slice(sig + 1);
}
