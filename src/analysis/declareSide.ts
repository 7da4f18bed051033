/**
 * A new side for the app that wrote a cookie, filled in from what the panel already knows: the
 * detected format, the cookie's name, a label ("Flask app", or from the path when that label is
 * taken) and the URL path the app serves: the cookie's own path when it has one, else the mount
 * point of the request that set it (`/flask-application/set-session` → `/flask-application`).
 * Only the secret is left for the user.
 */
import type { FormatId } from "../codec/types";
import type { Side } from "../model/side";

const LABELS: Record<FormatId, string> = {
  flask: "Flask app",
  starlette: "FastAPI app",
  django: "Django app",
  itsdangerous: "itsdangerous app",
  "cookie-session": "Node app",
  "express-session": "Express app",
};

export interface DeclareFrom {
  format: FormatId;
  cookieName: string;
  cookiePath: string;
  /** URL path of the request whose Set-Cookie wrote the cookie, when it was seen. */
  requestPath: string | null;
}

/**
 * The app's mount point from a request path: its first segment when there is more below it
 * (`/flask-application/login`), else `/` (a request to `/login` says nothing about a mount).
 */
export function mountOf(requestPath: string): string {
  const segments = requestPath.split("/").filter((s) => s !== "");
  return segments.length >= 2 ? `/${segments[0]}` : "/";
}

function pathPrefixFor(from: DeclareFrom): string {
  if (from.cookiePath !== "/" && from.cookiePath !== "") return from.cookiePath.replace(/\/$/, "");
  return from.requestPath === null ? "/" : mountOf(from.requestPath);
}

function labelFor(base: string, pathPrefix: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const byPath = `App at ${pathPrefix}`;
  if (pathPrefix !== "/" && !taken.has(byPath)) return byPath;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function declareSide(from: DeclareFrom, existing: readonly Side[], id: string): Side {
  const pathPrefix = pathPrefixFor(from);
  return {
    id,
    label: labelFor(LABELS[from.format], pathPrefix, new Set(existing.map((s) => s.label))),
    format: from.format,
    cookieName: from.cookieName,
    pathPrefix,
    fallbacks: [],
    options: {},
  };
}
