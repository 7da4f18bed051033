/**
 * `sessionlens sign [options] <typed-json | ->`: the cookie value on the first stdout line (and
 * the NAME.sig value on the second for cookie-session), byte-identical to what the framework
 * emits for the same data, secret, options and --timestamp. `-` reads one typed-JSON document
 * from standard input (it may span lines). Bad input is a usage error: nothing on stdout.
 */
import {
  CodecError,
  type FormatId,
  fromTypedJson,
  fromTypedJsonJs,
  signSession,
  TypedJsonError,
  type Value,
} from "../codec";
import type { RawArgs } from "./args";
import type { CommandIo } from "./decode-command";
import { EXIT_OK } from "./exit-codes";
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
  const text = positional === "-" ? await readAll(io.stdin) : positional;
  const data = parseSession(format, text);
  let signed: ReturnType<typeof signSession>;
  try {
    signed = signSession(format, data, codec);
  } catch (error) {
    if (error instanceof CodecError) throw new UsageError(`cannot sign: ${error.message}`);
    throw error;
  }
  await writeLine(io.stdout, signed.value);
  if (signed.sig !== undefined) await writeLine(io.stdout, signed.sig);
  return EXIT_OK;
}

/** cookie-session data is JS-native JSON (plain numbers); the Python formats keep 1.0 vs 1. */
function parseSession(format: FormatId, text: string): Value {
  let data: Value;
  try {
    data = format === "cookie-session" ? fromTypedJsonJs(text) : fromTypedJson(text);
  } catch (error) {
    if (error instanceof TypedJsonError) {
      throw new UsageError(`sign input is not valid typed JSON: ${error.message}`);
    }
    throw error;
  }
  if (format === "express-session" && typeof data !== "string") {
    throw new UsageError(
      `express-session signs a session id: give it as a JSON string, e.g. '"my-session-id"'`,
    );
  }
  return data;
}
