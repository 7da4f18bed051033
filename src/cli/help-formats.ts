/**
 * One line per `--format` id for the help text. A Record over FormatId, so adding a format to
 * the codec without describing it here is a type error.
 */
import type { FormatId } from "../codec";

const FORMAT_LINES: Record<FormatId | "auto", string> = {
  auto: "guess from the cookie's shape, then verify with the given secrets (decode default)",
  flask:
    "Flask SecureCookieSessionInterface; also starlette-flask (same signing; add --untagged, --no-sort-keys, --no-ensure-ascii)",
  starlette: "Starlette / FastAPI SessionMiddleware",
  django:
    "Django signed_cookies session backend as Django >= 4.0 verifies it (SHA-256); --digest sha1 for 3.1/3.2 legacy cookies",
  "cookie-session":
    "Node cookie-session: base64 JSON plus the NAME.sig companion cookie (keygrip); pass it with --sig",
  "express-session":
    "Node express-session signed session id (s:ID.SIG, cookie-signature); the data itself stays on the server",
  itsdangerous:
    "a bare itsdangerous URLSafeTimedSerializer (salt 'itsdangerous', django-concat, sha1; no max-age by default)",
};

/** Lines no wider than this, so the help reads in an 80-100 column terminal. */
const MAX_WIDTH = 96;

/** Greedy word wrap of `text` into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

export function formatList(): string {
  const column = Math.max(...Object.keys(FORMAT_LINES).map((id) => id.length)) + 4;
  return Object.entries(FORMAT_LINES)
    .flatMap(([id, description]) =>
      wrap(description, MAX_WIDTH - column).map((line, i) =>
        i === 0 ? `  ${id}`.padEnd(column) + line : " ".repeat(column) + line,
      ),
    )
    .join("\n");
}
