/**
 * Fix snippets for the frameworks a finding involves: give a side its own cookie name, keep
 * its cookie on its own path, or make two sides share one format. Written once here so every
 * detector (and the CLI, which prints the same findings) says the same thing.
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

/** Give `side` a cookie name (and path) of its own, in its framework's words. */
export function renameSnippet(side: Side): Snippet {
  const name = ownCookieName(side);
  const path = pathOf(side);
  const label = `${side.label} (${FRAMEWORK[side.format]})`;
  switch (side.format) {
    case "flask":
      return {
        label,
        code: `app.config["SESSION_COOKIE_NAME"] = "${name}"\napp.config["SESSION_COOKIE_PATH"] = "${path}"`,
      };
    case "starlette":
      return {
        label,
        code: `app.add_middleware(SessionMiddleware, secret_key=SECRET_KEY, session_cookie="${name}", path="${path}")`,
      };
    case "django":
      return { label, code: `SESSION_COOKIE_NAME = "${name}"\nSESSION_COOKIE_PATH = "${path}"` };
    case "cookie-session":
      return { label, code: `app.use(cookieSession({ name: "${name}", keys, path: "${path}" }))` };
    case "express-session":
      return {
        label,
        code: `app.use(session({ name: "${name}", secret, cookie: { path: "${path}" } }))`,
      };
    case "itsdangerous":
      return { label, code: `response.set_cookie("${name}", value, path="${path}")` };
  }
}

/** Make a Starlette/FastAPI side write Flask's format, so both read one session. */
export function shareFlaskFormatSnippet(): Snippet {
  return {
    label: "FastAPI / Starlette app (starlette-flask: Flask's cookie format)",
    code: [
      "from starlette_flask.middleware.sessions import SessionMiddleware",
      "",
      "app.add_middleware(SessionMiddleware, secret_key=FLASK_SECRET_KEY)",
    ].join("\n"),
  };
}

/** Snippets that stop two sides from writing one cookie: rename or share a format. */
export function separateSnippets(sides: readonly Side[]): Snippet[] {
  const out = sides.map(renameSnippet);
  const formats = new Set(sides.map((s) => s.format));
  if (formats.has("flask") && formats.has("starlette")) out.push(shareFlaskFormatSnippet());
  return out;
}

export function renderSnippets(snippets: readonly Snippet[]): string {
  return snippets.map((s) => `# ${s.label}\n${s.code}`).join("\n\n");
}

/** A fix sentence followed by its snippets, as one copyable text. */
export function withSnippets(text: string, snippets: readonly Snippet[]): string {
  return snippets.length === 0 ? text : `${text}\n\n${renderSnippets(snippets)}`;
}
