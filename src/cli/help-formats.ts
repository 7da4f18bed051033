/**
 * One line per `--format` id for the help text. A Record over FormatId, so adding a format to
 * the codec without describing it here is a type error.
 */
import { FORMAT_IDS, FORMAT_INFO, type FormatId } from "../codec";

const its = FORMAT_INFO.itsdangerous;

const FORMAT_LINES: Record<FormatId | "auto", string> = {
  auto: "guess from the cookie's shape, then verify with the given secrets (decode default)",
  flask:
    "Flask SecureCookieSessionInterface; also starlette-flask (same signing; add --untagged --no-sort-keys --no-ensure-ascii --max-age none: it checks no age)",
  starlette: "Starlette / FastAPI SessionMiddleware",
  django:
    "Django signed_cookies session backend as Django >= 4.0 verifies it (SHA-256); --digest sha1 for 3.1/3.2 legacy cookies",
  "cookie-session":
    "Node cookie-session: base64 JSON plus the NAME.sig companion cookie (keygrip); pass it with --sig",
  "express-session":
    "Node express-session signed session id (s:ID.SIG, cookie-signature); the data itself stays on the server",
  itsdangerous: `a bare itsdangerous URLSafeTimedSerializer (salt '${its.signing.salt}', ${its.signing.keyDerivation}, ${its.signing.digest}; no max-age by default)`,
};

/** Lines no wider than this, so the help reads in an 80-100 column terminal. */
const MAX_WIDTH = 96;

/** Greedy word wrap of `text` into lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
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

/** Each salted format with its default salt, from the codec's format table. */
export function defaultSalts(): string {
  return FORMAT_IDS.filter((f) => FORMAT_INFO[f].signing.saltedSigner)
    .map((f) => `${f} '${FORMAT_INFO[f].signing.salt}'`)
    .join(", ");
}

/** "flask 2678400, starlette 1209600, …, itsdangerous none" from the codec's format table. */
export function defaultMaxAges(): string {
  return FORMAT_IDS.filter((f) => FORMAT_INFO[f].signing.saltedSigner)
    .map((f) => `${f} ${FORMAT_INFO[f].defaultMaxAge ?? "none"}`)
    .join(", ");
}

/** An option's help: its name column, then `text` wrapped under the description column. */
export function optionHelp(name: string, text: string): string {
  const column = 22;
  return wrap(text, MAX_WIDTH - column)
    .map((line, i) => (i === 0 ? `  ${name}`.padEnd(column) : " ".repeat(column)) + line)
    .join("\n");
}
