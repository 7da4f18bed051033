/**
 * Overwrite races: two apps that write a cookie of the same name on a path that reaches both,
 * where one cannot read what the other signs. Each request to one app then replaces the other's
 * session (docs/formats.md §19). Kept apart from the verdict text so a change timeline can name
 * the same races from recorded Set-Cookie events.
 */
import type { Side } from "../model/side";

/** How a side reads a cookie signed by the other side: its signature check passes (even if expired), fails, or can't be told (no secret). */
export type Reading = "reads" | "rejects" | "unknown";

export interface OverwriteRace {
  cookieName: string;
  cookiePath: string;
  sides: [Side, Side];
}

/** RFC 6265 §5.1.4 path-match: does a cookie with `cookiePath` go with requests to `requestPath`? */
export function pathCovers(cookiePath: string, requestPath: string): boolean {
  const path = requestPath === "" ? "/" : requestPath;
  if (path === cookiePath) return true;
  if (!path.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || path[cookiePath.length] === "/";
}

/**
 * Pairs of sides that race for this cookie: same cookie name, the cookie's path covers both
 * apps' path prefixes, and at least one of the two rejects what the cookie holds while neither
 * is unknown. Two sides that both read it share the session and do not race.
 */
export function findOverwriteRaces(
  cookie: { name: string; path: string },
  sides: readonly Side[],
  reading: (side: Side) => Reading,
): OverwriteRace[] {
  const sharing = sides.filter(
    (s) => s.cookieName === cookie.name && pathCovers(cookie.path, s.pathPrefix || "/"),
  );
  const races: OverwriteRace[] = [];
  sharing.forEach((a, i) => {
    for (const b of sharing.slice(i + 1)) {
      const ra = reading(a);
      const rb = reading(b);
      if (ra === "unknown" || rb === "unknown" || (ra === "reads" && rb === "reads")) continue;
      races.push({ cookieName: cookie.name, cookiePath: cookie.path, sides: [a, b] });
    }
  });
  return races;
}

/** "A, B and C" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * One sentence for the races, or null when there are none. `sideCount` is how many sides were
 * judged: with exactly two, "Both apps" reads better than repeating their names.
 */
export function describeOverwriteRaces(
  races: readonly OverwriteRace[],
  sideCount: number,
): string | null {
  const first = races[0];
  if (!first) return null;
  const where = `\`${first.cookieName}\` on path ${first.cookiePath}`;
  const involved = [...new Set(races.flatMap((r) => r.sides.map((s) => s.label)))];
  if (involved.length === 2) {
    const who = sideCount === 2 ? "Both apps write" : `${joinNames(involved)} both write`;
    return `${who} ${where}, so each will overwrite the other.`;
  }
  return `${joinNames(involved)} all write ${where}, so they will overwrite each other.`;
}
