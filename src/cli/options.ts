/**
 * RawArgs → the format and CodecOptions one command runs with, after every check that can be
 * made before touching a cookie: conflicting options, options that do not apply to the command
 * or the format, and the secrets (text or hex) with fallbacks numbered in the order given.
 */
import type { CodecOptions, FormatId, Secret } from "../codec";
import type { RawArgs } from "./args";
import type { FlagOption } from "./option-table";
import {
  type FormatChoice,
  parseCookieName,
  parseDigest,
  parseFormat,
  parseHexSecret,
  parseKeyDerivation,
  parseMaxAge,
  parseNow,
  parseTimestamp,
} from "./parse-values";
import { UsageError } from "./usage-error";

export interface DecodeSettings {
  format: FormatChoice;
  codec: CodecOptions;
}

export interface SignSettings {
  format: FormatId;
  codec: CodecOptions;
}

export function decodeSettings(args: RawArgs): DecodeSettings {
  const format = parseFormat(args.values.get("--format") ?? "auto");
  if (args.values.has("--timestamp")) {
    throw new UsageError("--timestamp is for sign; decode takes --now UNIX as its clock");
  }
  const sig = args.values.get("--sig");
  if (sig !== undefined && format !== "auto" && format !== "cookie-session") {
    throw new UsageError(
      `--sig is the cookie-session NAME.sig value and does not apply to --format ${format}: drop it, or use --format cookie-session`,
    );
  }
  const codec = commonOptions(args, format);
  const now = args.values.get("--now");
  if (now !== undefined) codec.now = parseNow(now);
  if (sig !== undefined) codec.sig = sig;
  return { format, codec };
}

export function signSettings(args: RawArgs): SignSettings {
  const formatText = args.values.get("--format");
  if (formatText === undefined || formatText === "auto") {
    throw new UsageError(
      "sign needs --format: one of flask, starlette, django, cookie-session, express-session, itsdangerous",
    );
  }
  const format = parseFormat(formatText) as FormatId;
  if (args.values.has("--now")) {
    throw new UsageError("--now is for decode; sign takes --timestamp UNIX as the time to embed");
  }
  if (args.values.has("--sig")) {
    throw new UsageError(
      "--sig is for decode; sign prints the NAME.sig value itself (second line for cookie-session)",
    );
  }
  // Whether a secret is needed is the codec's to say (CodecError "no_secret", with a flag hint).
  const codec = commonOptions(args, format);
  const timestamp = args.values.get("--timestamp");
  if (timestamp !== undefined) codec.timestamp = parseTimestamp(timestamp);
  return { format, codec };
}

/** Options that mean the same for decode and sign. */
function commonOptions(args: RawArgs, format: FormatChoice): CodecOptions {
  const codec: CodecOptions = {};
  const secret = currentSecret(args);
  if (secret !== undefined) codec.secret = secret;
  if (args.fallbacks.length > 0) {
    codec.fallbacks = args.fallbacks.map(({ option, value }) =>
      option === "--fallback-hex" ? parseHexSecret(option, value) : value,
    );
  }
  checkAppliesToFormat(args, format);
  const { values } = args;
  const salt = values.get("--salt");
  if (salt !== undefined) codec.salt = salt;
  const derivation = values.get("--key-derivation");
  if (derivation !== undefined) codec.keyDerivation = parseKeyDerivation(derivation);
  const digest = values.get("--digest");
  if (digest !== undefined) codec.digest = parseDigest(digest);
  if (format === "express-session" && codec.digest !== undefined && codec.digest !== "sha256") {
    throw new UsageError("express-session always signs with sha256: drop --digest");
  }
  const maxAge = values.get("--max-age");
  if (maxAge !== undefined) codec.maxAge = parseMaxAge(maxAge);
  const name = values.get("--name");
  if (name !== undefined) codec.name = parseCookieName(name);
  const sortKeys = switchValue(args, "--sort-keys", "--no-sort-keys");
  if (sortKeys !== undefined) codec.sortKeys = sortKeys;
  const ensureAscii = switchValue(args, "--ensure-ascii", "--no-ensure-ascii");
  if (ensureAscii !== undefined) codec.ensureAscii = ensureAscii;
  if (args.flags.has("--untagged")) codec.untagged = true;
  if (args.flags.has("--unsigned")) {
    if (format !== "cookie-session") {
      throw new UsageError(
        "--unsigned is cookie-session's signed: false: use it with --format cookie-session",
      );
    }
    codec.signed = false;
  }
  return codec;
}

function currentSecret(args: RawArgs): Secret | undefined {
  const text = args.values.get("--secret");
  const hex = args.values.get("--secret-hex");
  if (text !== undefined && hex !== undefined) {
    throw new UsageError("--secret and --secret-hex were both given: give the secret once");
  }
  return hex !== undefined ? parseHexSecret("--secret-hex", hex) : text;
}

/** The Node formats sign with the key itself: a salt or a derivation would silently do nothing. */
function checkAppliesToFormat(args: RawArgs, format: FormatChoice): void {
  if (format !== "cookie-session" && format !== "express-session") return;
  for (const option of ["--salt", "--key-derivation"] as const) {
    if (args.values.has(option)) {
      throw new UsageError(
        `${option} does not apply to --format ${format} (it signs with the key itself): drop it`,
      );
    }
  }
}

function switchValue(args: RawArgs, on: FlagOption, off: FlagOption): boolean | undefined {
  const hasOn = args.flags.has(on);
  const hasOff = args.flags.has(off);
  if (hasOn && hasOff) throw new UsageError(`${on} and ${off} contradict each other: give one`);
  return hasOn ? true : hasOff ? false : undefined;
}
