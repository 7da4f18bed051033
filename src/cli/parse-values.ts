/**
 * Turn one option's text into its typed value, or a UsageError that names the option and the
 * expected shape. Messages never repeat the value itself when it could be a secret.
 */
import {
  DIGESTS,
  type Digest,
  FORMAT_IDS,
  type FormatId,
  KEY_DERIVATIONS,
  type KeyDerivation,
} from "../codec";
import { hexToBytes } from "../codec/bytes";
import { UsageError } from "./usage-error";

export type FormatChoice = FormatId | "auto";

const FORMAT_CHOICES: readonly FormatChoice[] = ["auto", ...FORMAT_IDS];
const DERIVATIONS = KEY_DERIVATIONS;

/** Names people reach for that are not format ids, and the id they mean. */
const FORMAT_HINTS: Record<string, string> = {
  fastapi: "starlette",
  "starlette-flask": "flask --untagged --no-sort-keys --no-ensure-ascii --max-age none",
  express: "express-session",
  keygrip: "cookie-session",
  "django-signed-cookies": "django",
};

export function parseFormat(text: string): FormatChoice {
  const choice = FORMAT_CHOICES.find((f) => f === text);
  if (choice !== undefined) return choice;
  const hint = FORMAT_HINTS[text.toLowerCase()];
  const suffix = hint === undefined ? "" : ` (for ${text}, use --format ${hint})`;
  return fail(`unknown --format "${text}": use one of ${FORMAT_CHOICES.join(", ")}${suffix}`);
}

export function parseDigest(text: string): Digest {
  const digest = DIGESTS.find((d) => d === text.toLowerCase());
  if (digest !== undefined) return digest;
  return fail(`--digest ${text} is not supported: use sha1, sha256 or sha512`);
}

export function parseKeyDerivation(text: string): KeyDerivation {
  const derivation = DERIVATIONS.find((d) => d === text);
  if (derivation !== undefined) return derivation;
  return fail(`unknown --key-derivation "${text}": use hmac, django-concat, concat or none`);
}

/** Hex bytes (`--secret-hex`, `--fallback-hex`); the value is a secret, so it is never quoted. */
export function parseHexSecret(option: string, text: string): Uint8Array {
  const bytes = hexToBytes(text);
  if (bytes === null) {
    fail(
      `${option} is not valid hex: give an even number of digits 0-9 a-f (e.g. ${option} 8f3a01), or use ${option.replace("-hex", "")} for a text secret`,
    );
  }
  return bytes;
}

/**
 * `--max-age N` (seconds, may be fractional as in itsdangerous) or `--max-age none`. A negative
 * N is taken as the frameworks take it (Starlette's own tests use max_age=-1): every cookie is
 * then expired.
 */
export function parseMaxAge(text: string): number | null {
  if (text.toLowerCase() === "none") return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return fail(`--max-age "${text}" is not a number of seconds: give e.g. 1209600, or none`);
}

/** `--now UNIX`: the clock for expiry checks, in Unix seconds. */
export function parseNow(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return fail(`--now "${text}" is not a Unix time in seconds: give e.g. --now 1767237945`);
}

/**
 * `--timestamp UNIX`: whole seconds, as every format embeds an integer; exact past 2^53 (a
 * bigint), so a cookie decoded with such a timestamp re-signs byte for byte.
 */
export function parseTimestamp(text: string): number | bigint {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : BigInt(text);
  }
  return fail(
    `--timestamp "${text}" is not a Unix time in whole seconds: give e.g. --timestamp 1767237945`,
  );
}

/** `--name NAME`: a cookie name, as cookie-session signs `NAME=value`. */
export function parseCookieName(text: string): string {
  if (text !== "" && !/[=;,\s]/.test(text)) return text;
  return fail(`--name "${text}" is not a cookie name: give e.g. --name session`);
}

function fail(message: string): never {
  throw new UsageError(message);
}
