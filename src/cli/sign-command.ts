/**
 * `sessionlens sign [options] <typed-json | ->`: the cookie value on the first stdout line (and
 * the NAME.sig value on the second for cookie-session), byte-identical to what the framework
 * emits for the same data, secret, options and --timestamp. `-` reads one typed-JSON document
 * from standard input (it may span lines). Bad input is a usage error: nothing on stdout.
 */

import { jsonErrorPlace } from "../analysis/editText";
import { PyLiteralError, parsePyLiteral } from "../analysis/pyLiteral";
import {
  CodecError,
  type FormatId,
  fromTypedJson,
  fromTypedJsonJs,
  signSession,
  TypedJsonError,
  type Value,
} from "../codec";
import { FORMAT_INFO } from "../codec/formats/info";
import { MAX_COOKIE_BYTES } from "../model/cookieWrite";
import type { RawArgs } from "./args";
import type { CommandIo } from "./decode-command";
import { EXIT_OK } from "./exit-codes";
import { FLAG_HINTS } from "./option-table";
import { signSettings } from "./options";
import { readAll, writeLine } from "./streams";
import { UsageError } from "./usage-error";

export async function runSign(args: RawArgs, io: CommandIo): Promise<number> {
  const { format, codec } = signSettings(args);
  if (args.positionals.length !== 1) {
    throw new UsageError(
      `sign takes one typed-JSON session (or - to read it from standard input), not ${args.positionals.length}: quote the JSON, e.g. '{"user":"alice"}'`,
    );
  }
  const positional = args.positionals[0]!;
  const text = positional === "-" ? await readAll(io.stdin, "sign") : positional;
  const data = parseSession(format, text);
  let signed: ReturnType<typeof signSession>;
  try {
    signed = signSession(format, data, codec);
  } catch (error) {
    if (error instanceof CodecError) throw new UsageError(`cannot sign: ${withFlagHint(error)}`);
    throw error;
  }
  await writeLine(io.stdout, signed.value);
  if (signed.sig !== undefined) await writeLine(io.stdout, signed.sig);
  warnIfTooLarge(io, codec.name ?? FORMAT_INFO[format].defaultCookieName, signed.value);
  return EXIT_OK;
}

/**
 * A stderr warning when `NAME=value` is past what a browser keeps: it would drop the cookie
 * without a word, which is exactly the bug this tool is for. The value is still printed.
 */
export function warnIfTooLarge(io: CommandIo, name: string, value: string): void {
  const bytes = new TextEncoder().encode(`${name}=${value}`).length;
  if (bytes <= MAX_COOKIE_BYTES) return;
  io.stderr.write(
    `warning: ${name}=… is ${bytes.toLocaleString("en-US")} bytes; browsers drop a cookie over ${MAX_COOKIE_BYTES} bytes without a word\n`,
  );
}

/** The codec's sentence, plus which flag fixes it when the codec named the option at fault. */
export function withFlagHint(error: CodecError): string {
  const hint = error.option === undefined ? undefined : FLAG_HINTS[error.option];
  return hint === undefined ? error.message : `${error.message.replace(/\.$/, "")}: ${hint}`;
}

const PYTHON_FORMATS: readonly FormatId[] = ["flask", "starlette", "django", "itsdangerous"];
const TYPED_JSON_EXAMPLE = `{"user": "alice", "admin": true, "roles": {"$type": "tuple", "items": ["admin"]}}`;

/**
 * cookie-session data is JS-native JSON (plain numbers); the Python formats keep 1.0 vs 1, and
 * for them a Python literal (`{'admin': True}`, as a Python shell or the panel prints it) is
 * read too when the text is not JSON.
 */
function parseSession(format: FormatId, text: string): Value {
  let data: Value;
  try {
    data = format === "cookie-session" ? fromTypedJsonJs(text) : fromTypedJson(text);
  } catch (error) {
    if (!(error instanceof TypedJsonError)) throw error;
    // JSON is also a Python literal: only text that is not JSON at all is read as Python, so a
    // wrong `$type` object is reported, not signed as a plain dict.
    if (!PYTHON_FORMATS.includes(format) || error.kind === "typed") {
      throw new UsageError(
        `sign input is not valid typed JSON: ${placed(text, error.message)}. Typed JSON looks like ${TYPED_JSON_EXAMPLE}`,
      );
    }
    data = parsePythonInstead(text, error);
  }
  if (format === "express-session" && typeof data !== "string") {
    throw new UsageError(
      `express-session signs a session id: give it as a JSON string, e.g. '"my-session-id"'`,
    );
  }
  return data;
}

/** A JSON error in text of several lines (from standard input) names its line and column too. */
function placed(text: string, message: string): string {
  const at = text.includes("\n") ? jsonErrorPlace(text, message) : null;
  return at ? `invalid JSON at line ${at.line}, column ${at.column}: ${at.what}` : message;
}

function parsePythonInstead(text: string, jsonError: TypedJsonError): Value {
  try {
    return parsePyLiteral(text);
  } catch (error) {
    if (!(error instanceof PyLiteralError)) throw error;
    const looksPython = /'|\b(True|False|None)\b|\(/.test(text);
    const why = looksPython
      ? `as a Python literal, ${error.message}`
      : `as typed JSON, ${placed(text, jsonError.message)}`;
    throw new UsageError(
      `sign input is not valid typed JSON, nor a Python literal (${why}). Typed JSON looks like ${TYPED_JSON_EXAMPLE}; a Python literal like {'user': 'alice', 'admin': True, 'roles': ('admin',)}`,
    );
  }
}
