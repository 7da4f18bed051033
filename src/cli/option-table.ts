/**
 * Every option the CLI knows, by kind. One table so the parser, the secret redaction and the
 * "unknown option" message agree on the spelling (docs/cli.md §3: names are a contract).
 */

import type { CodecOptions } from "../codec";

/** Options that take exactly one value and may be given once. */
export const VALUE_OPTIONS = [
  "--format",
  "--secret",
  "--secret-hex",
  "--salt",
  "--key-derivation",
  "--digest",
  "--max-age",
  "--now",
  "--timestamp",
  "--name",
  "--sig",
  "--sides",
] as const;
export type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Repeatable fallback-key options; numbered together, in the order given ("fallback:N"). */
export const FALLBACK_OPTIONS = ["--fallback", "--fallback-hex"] as const;
export type FallbackOption = (typeof FALLBACK_OPTIONS)[number];

/** On/off switches. */
export const FLAG_OPTIONS = [
  "--sort-keys",
  "--no-sort-keys",
  "--ensure-ascii",
  "--no-ensure-ascii",
  "--untagged",
  "--unsigned",
  "--json",
  "--strict",
] as const;
export type FlagOption = (typeof FLAG_OPTIONS)[number];

export const HELP_OPTIONS = ["--help", "-h"] as const;
export const VERSION_OPTIONS = ["--version", "-V"] as const;

/** Options whose values are secrets: never echoed, and scrubbed from any message we print. */
export const SECRET_OPTIONS: readonly string[] = [
  "--secret",
  "--secret-hex",
  "--fallback",
  "--fallback-hex",
  "--from-secret",
  "--from-secret-hex",
  "--from-fallback",
  "--from-fallback-hex",
];

export function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}
export function isFallbackOption(name: string): name is FallbackOption {
  return (FALLBACK_OPTIONS as readonly string[]).includes(name);
}
export function isFlagOption(name: string): name is FlagOption {
  return (FLAG_OPTIONS as readonly string[]).includes(name);
}

/**
 * How to fix a codec error about one CodecOptions field, in this command line's terms. The
 * codec names the field (CodecError.option) and never a flag; the CLI adds the flag here.
 */
export const FLAG_HINTS: Partial<Record<keyof CodecOptions, string>> = {
  secret: "give --secret S (or --secret-hex H for bytes)",
  timestamp: "give --timestamp UNIX in whole seconds",
  name: "give --name NAME",
  salt: "check --salt",
  digest: "check --digest",
  keyDerivation: "check --key-derivation",
};
