/**
 * How the Python frameworks read a quoted cookie value before their signer sees it: werkzeug's
 * `parse_cookie` (Flask), and `http.cookies._unquote` (Starlette's `cookie_parser`, Django's
 * `parse_cookie`) agree: a value wrapped in one pair of double quotes loses them, and inside it
 * `\ooo` (octal, first digit 0–3) is that character and `\c` is `c`. Anything else is as sent.
 */
import type { FormatId } from "../types";

const ESCAPE = /\\(?:([0-3][0-7][0-7])|([\s\S]))/g;

export function pythonUnquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value
    .slice(1, -1)
    .replace(ESCAPE, (_, octal: string | undefined, char: string | undefined) =>
      octal !== undefined ? String.fromCharCode(Number.parseInt(octal, 8)) : (char ?? ""),
    );
}

/** The formats whose frameworks read cookies this way (the Node ones strip quotes themselves). */
export const PYTHON_COOKIE_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>([
  "flask",
  "starlette",
  "django",
  "itsdangerous",
]);

/** The value as the format's framework hands it to its signer. */
export function readAs(format: FormatId, value: string): string {
  return PYTHON_COOKIE_FORMATS.has(format) ? pythonUnquote(value) : value;
}
