/**
 * How the panel benchmarks act like a user, shared by the page bench (bench/audit-page.ts) and
 * the DevTools one (bench/audit-devtools.mjs).
 */

/** A user reads the selected cookie a moment before clicking "Audit secret". */
export const CLICK_AFTER_MS = 1000;

/**
 * The same cookie with other first two signature characters: a cookie the audit workers have
 * no kernel for yet (its expected MAC differs), still well-formed. The `variant`-th of 625.
 */
export function freshCookie(cookie, variant) {
  const sig = cookie.lastIndexOf(".") + 1;
  const letters = (at) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ".replace(cookie[at] ?? "", "");
  const first = letters(sig)[variant % 25];
  const second = letters(sig + 1)[Math.floor(variant / 25) % 25];
  return cookie.slice(0, sig) + first + second + cookie.slice(sig + 2);
}
