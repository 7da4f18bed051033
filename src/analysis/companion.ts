/**
 * Node cookie-session keeps its signature in a second cookie, `NAME.sig`. These helpers pair the
 * two in a cookie list: by name, preferring the same domain, path and partition (cookies are
 * keyed by all four; docs/formats.md §14).
 */
import type { BrowserCookie } from "../model/cookie";

type Located = Pick<BrowserCookie, "name" | "domain" | "path" | "partitionKey">;

const samePlace = (a: Located, b: Located) =>
  a.domain === b.domain &&
  a.path === b.path &&
  (a.partitionKey?.topLevelSite ?? "") === (b.partitionKey?.topLevelSite ?? "");

function pick<T extends Located>(cookie: Located, candidates: T[]): T | undefined {
  return candidates.find((c) => samePlace(c, cookie)) ?? candidates[0];
}

/** The `NAME.sig` cookie that signs this one, if the page has it. */
export function findCompanionSig<T extends Located>(
  cookie: Located,
  all: readonly T[],
): T | undefined {
  return pick(
    cookie,
    all.filter((c) => c.name === `${cookie.name}.sig`),
  );
}

/** The cookie that this `NAME.sig` cookie signs, if this is one and the page has it. */
export function findSignedBy<T extends Located>(
  sigCookie: Located,
  all: readonly T[],
): T | undefined {
  if (!sigCookie.name.endsWith(".sig")) return undefined;
  const base = sigCookie.name.slice(0, -".sig".length);
  return pick(
    sigCookie,
    all.filter((c) => c.name === base),
  );
}
