/**
 * `sessionlens convert [--from-OPTION …] [options] <cookie | ->`: decode with the `--from-`
 * options (every decode option with `from-` in front), re-sign the same session with the
 * ordinary sign options, and print it as `sign` would. A value the target format cannot hold
 * is written as that framework reads it back (src/analysis/convertValue.ts), with one
 * `warning: PATH: …` line on stderr each; `--strict` makes that exit 2 instead. A cookie that
 * does not verify under the `--from-` options exits 1 with nothing on stdout.
 */
import { convertValue, representable } from "../analysis/convertValue";
import { CodecError, decodeCookie, type SignResult, signSession } from "../codec";
import { FORMAT_INFO } from "../codec/formats/info";
import { parseArgv, type RawArgs } from "./args";
import { cookiesFromInput } from "./cookie-input";
import type { CommandIo } from "./decode-command";
import { EXIT_OK, EXIT_USAGE, EXIT_VERIFY_FAILED } from "./exit-codes";
import { decodeSettings, signSettings } from "./options";
import { warnIfTooLarge, withFlagHint } from "./sign-command";
import { readAll, writeLine } from "./streams";
import { UsageError } from "./usage-error";

export async function runConvert(args: RawArgs, io: CommandIo): Promise<number> {
  const from = decodeSettings(parseArgv(["decode", ...args.from]));
  const to = signSettings(args);
  if (args.positionals.length !== 1) {
    throw new UsageError(
      `convert takes one cookie (or - to read it from standard input), not ${args.positionals.length}`,
    );
  }
  // express-session's cookie is only an id (the session is in the server's store).
  const idOnly = (format: string) =>
    `${format} cookies hold only a session id (the session itself stays in the server's store)`;
  if (!FORMAT_INFO[to.format].holdsSessionData) {
    throw new UsageError(
      `${idOnly(to.format)}, so convert cannot write one from session data: sign --format ${to.format} '"ID"' signs an id`,
    );
  }
  const positional = args.positionals[0]!;
  const text = positional === "-" ? (await readAll(io.stdin, "convert")).trim() : positional;
  const cookies = cookiesFromInput(text, { name: from.codec.name, format: from.format });
  if (cookies.length !== 1) {
    throw new UsageError(`convert takes one cookie, and the input holds ${cookies.length}`);
  }
  const cookie = cookies[0]!;
  const decoded = decodeCookie(from.format, cookie.value, {
    ...from.codec,
    ...(cookie.name !== undefined && from.codec.name === undefined ? { name: cookie.name } : {}),
    ...(from.codec.sig === undefined && cookie.sig !== undefined ? { sig: cookie.sig } : {}),
  });
  if (
    (decoded.status !== "valid" && decoded.status !== "valid_legacy") ||
    decoded.data === undefined
  ) {
    // Unverified means no source secret was given: say which option gives it.
    const hint =
      decoded.status === "unverified"
        ? " Give the secret of the app that wrote it with --from-secret (or --from-secret-hex)."
        : "";
    io.stderr.write(
      `sessionlens: the cookie does not verify with the --from- options: ${decoded.detail}${hint}\n`,
    );
    return decoded.status === "malformed" ? EXIT_USAGE : EXIT_VERIFY_FAILED;
  }
  if (!FORMAT_INFO[decoded.format].holdsSessionData) {
    throw new UsageError(`${idOnly(decoded.format)}: there is no session data to convert`);
  }
  const { value, warnings } = convertValue(
    decoded.data,
    representable(to.format, to.codec.untagged),
  );
  for (const w of warnings) io.stderr.write(`warning: ${w.path}: ${w.message}\n`);
  if (warnings.length > 0 && args.flags.has("--strict")) {
    io.stderr.write(
      `sessionlens: --strict: ${warnings.length} value(s) cannot be written as ${to.format} holds them; nothing was converted\n`,
    );
    return EXIT_USAGE;
  }
  let signed: SignResult;
  try {
    signed = signSession(to.format, value, to.codec);
  } catch (error) {
    if (error instanceof CodecError) throw new UsageError(`cannot sign: ${withFlagHint(error)}`);
    throw error;
  }
  await writeLine(io.stdout, signed.value);
  if (signed.sig !== undefined) await writeLine(io.stdout, signed.sig);
  warnIfTooLarge(
    io,
    to.codec.name ?? cookie.name ?? FORMAT_INFO[to.format].defaultCookieName,
    signed.value,
  );
  return EXIT_OK;
}
