/**
 * Fix snippets, in each framework's own words, for apps that fight over one cookie: give a side
 * a cookie name of its own, keep its cookie on its own path, or make the sides share one format
 * (starlette-flask for Starlette, this project's sessionlens/express or sessionlens/hono for
 * Node). The one copy of every snippet: the verdict's fix, the timeline's findings and the CLI
 * (which prints the same findings) all build theirs here.
 */
import type { FormatId } from "../codec/types";
import type { Side } from "../model/side";

export interface Snippet {
  /** Which app and file it goes in, e.g. "Flask app (Flask config)". */
  label: string;
  code: string;
}

/** "Flask app" → "flask_session": a cookie name of the side's own. */
export function ownCookieName(side: Side): string {
  const word = side.label.toLowerCase().match(/[a-z0-9]+/)?.[0] ?? side.format.replace(/-/g, "_");
  const name = `${word}_session`;
  return name === side.cookieName ? `${word}_app_session` : name;
}

const pathOf = (side: Side) => side.pathPrefix || "/";

const FRAMEWORK: Record<FormatId, string> = {
  flask: "Flask config",
  starlette: "Starlette / FastAPI",
  django: "Django settings",
  itsdangerous: "itsdangerous",
  "cookie-session": "cookie-session",
  "express-session": "express-session",
};

/** What to set on the side's session cookie: a new name, a path, or both. */
export interface CookieChange {
  name?: string;
  path?: string;
}

/** Python keyword arguments / JS object fields for the change, in a fixed order. */
function pairs(change: CookieChange, nameKey: string, pathKey: string, sep: string): string[] {
  const out: string[] = [];
  if (change.name !== undefined) out.push(`${nameKey}${sep}"${change.name}"`);
  if (change.path !== undefined) out.push(`${pathKey}${sep}"${change.path}"`);
  return out;
}

function settingsCode(format: FormatId, change: CookieChange): string {
  switch (format) {
    case "flask":
      return pairs(
        change,
        'app.config["SESSION_COOKIE_NAME"]',
        'app.config["SESSION_COOKIE_PATH"]',
        " = ",
      ).join("\n");
    case "django":
      return pairs(change, "SESSION_COOKIE_NAME", "SESSION_COOKIE_PATH", " = ").join("\n");
    case "starlette": {
      const args = pairs(change, "session_cookie", "path", "=");
      return `app.add_middleware(SessionMiddleware, secret_key=SECRET_KEY, ${args.join(", ")})`;
    }
    case "cookie-session":
      return `app.use(cookieSession({ ${[...pairs(change, "name", "path", ": "), "keys"].join(", ")} }))`;
    case "express-session": {
      const name = change.name === undefined ? [] : [`name: "${change.name}"`];
      const cookie = change.path === undefined ? [] : [`cookie: { path: "${change.path}" }`];
      return `app.use(session({ ${[...name, "secret", ...cookie].join(", ")} }))`;
    }
    case "itsdangerous": {
      const path = change.path === undefined ? "" : `, path="${change.path}"`;
      return `response.set_cookie("${change.name ?? "session"}", value${path})`;
    }
  }
}

/** The change in the side's framework's words. */
export function cookieSettingsSnippet(side: Side, change: CookieChange): Snippet {
  return {
    label: `${side.label} (${FRAMEWORK[side.format]})`,
    code: settingsCode(side.format, change),
  };
}

/** A cookie name of its own (`SESSION_COOKIE_NAME`, `session_cookie=`, `name`). */
export function renameSnippet(side: Side): Snippet {
  return cookieSettingsSnippet(side, { name: ownCookieName(side) });
}

/** Keep the side's cookie on the path it serves. */
export function pathSnippet(side: Side): Snippet {
  return cookieSettingsSnippet(side, { path: pathOf(side) });
}

/** A cookie of its own: its own name, on its own path. */
export function ownCookieSnippet(side: Side): Snippet {
  return cookieSettingsSnippet(side, { name: ownCookieName(side), path: pathOf(side) });
}

/** Make a Starlette/FastAPI side write Flask's format, so both read one session. */
export function shareFlaskFormatSnippet(side?: Side): Snippet {
  return {
    label: `${side?.label ?? "FastAPI / Starlette app"} (starlette-flask: Flask's cookie format)`,
    code: [
      "from starlette_flask.middleware.sessions import SessionMiddleware",
      "",
      "app.add_middleware(SessionMiddleware, secret_key=FLASK_SECRET_KEY)",
    ].join("\n"),
  };
}

/** Make a Node side read and write Flask's own cookie with this project's library. */
export function nodeFlaskFormatSnippet(side: Side): Snippet {
  return {
    label: `${side.label} (sessionlens/express or sessionlens/hono: Flask's cookie format)`,
    code: [
      'import { flaskSession } from "sessionlens/express"; // Hono: "sessionlens/hono"',
      "",
      "// in place of the app's own session middleware",
      "app.use(flaskSession({ secret: process.env.FLASK_SECRET_KEY }));",
    ].join("\n"),
  };
}

const NODE_FORMATS: ReadonlySet<FormatId> = new Set(["cookie-session", "express-session"]);

/**
 * Snippets that make every side read Flask's cookie, when one of them is a Flask app: the
 * Starlette sides through starlette-flask, the Node sides through sessionlens. Empty when there
 * is no Flask side, or a side (Django, itsdangerous) has no such way.
 */
export function shareFormatSnippets(sides: readonly Side[]): Snippet[] {
  if (!sides.some((s) => s.format === "flask")) return [];
  const others = sides.filter((s) => s.format !== "flask");
  if (others.length === 0) return [];
  const out: Snippet[] = [];
  for (const side of others) {
    if (side.format === "starlette") out.push(shareFlaskFormatSnippet(side));
    else if (NODE_FORMATS.has(side.format)) out.push(nodeFlaskFormatSnippet(side));
    else return [];
  }
  return out;
}

/** Snippets that stop two sides from writing one cookie: a cookie of its own, or one format. */
export function separateSnippets(sides: readonly Side[]): Snippet[] {
  return [...sides.map(ownCookieSnippet), ...shareFormatSnippets(sides)];
}

export function renderSnippets(snippets: readonly Snippet[]): string {
  return snippets.map((s) => `# ${s.label}\n${s.code}`).join("\n\n");
}

/** A fix sentence followed by its snippets, as one copyable text. */
export function withSnippets(text: string, snippets: readonly Snippet[]): string {
  return snippets.length === 0 ? text : `${text}\n\n${renderSnippets(snippets)}`;
}
