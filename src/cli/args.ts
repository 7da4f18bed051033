/**
 * argv → a raw, unvalidated picture of what was asked: the command, option values as typed,
 * fallback keys in order, flags and positionals. Meaning (numbers, hex, formats) is checked
 * later in options.ts, so this file only knows the option table and GNU-style syntax:
 * `--opt value`, `--opt=value`, `--` ends options, a lone `-` is a positional (stdin).
 */
import {
  type FallbackOption,
  type FlagOption,
  HELP_OPTIONS,
  isFallbackOption,
  isFlagOption,
  isValueOption,
  type ValueOption,
  VERSION_OPTIONS,
} from "./option-table";
import { UsageError } from "./usage-error";

export interface FallbackArg {
  option: FallbackOption;
  value: string;
}

export interface RawArgs {
  /** First positional: `decode`, `sign`, `help` (or something unknown, reported later). */
  command: string | undefined;
  /** Positionals after the command. */
  positionals: string[];
  values: Map<ValueOption, string>;
  fallbacks: FallbackArg[];
  flags: Set<FlagOption>;
  /**
   * `convert`'s `--from-OPTION` words, as the decode options they stand for (`--from-secret S`
   * is kept as `--secret`, `S`), in the order given; parsed again by convert-command.ts.
   */
  from: string[];
}

/** What to do before any validation: show help (for a topic), show the version, or run. */
export type Intent =
  | { kind: "help"; topic: string | undefined }
  | { kind: "version" }
  | { kind: "run"; args: RawArgs };

const COMMANDS = ["decode", "sign", "convert", "audit", "timeline", "help"];
const FROM_PREFIX = "--from-";

/** Options before `--`: help and version win over everything else, even over bad options. */
function optionWords(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  return end === -1 ? [...argv] : argv.slice(0, end);
}

/** Help or version when asked for anywhere before `--` (any command, audit included); else null. */
export function helpOrVersion(argv: readonly string[]): Intent | null {
  const words = optionWords(argv);
  const firstCommand = words.find((w) => COMMANDS.includes(w));
  if (words.some((w) => (HELP_OPTIONS as readonly string[]).includes(w))) {
    return { kind: "help", topic: firstCommand === "help" ? undefined : firstCommand };
  }
  if (words.some((w) => (VERSION_OPTIONS as readonly string[]).includes(w))) {
    return { kind: "version" };
  }
  return null;
}

export function readIntent(argv: readonly string[]): Intent {
  const asked = helpOrVersion(argv);
  if (asked) return asked;
  const args = parseArgv(argv);
  if (args.command === "help") return { kind: "help", topic: args.positionals[0] };
  return { kind: "run", args };
}

/** Split `--opt=value` into its name and value; the value is never echoed (it may be a secret). */
function splitInline(word: string): [string, string | undefined] {
  const eq = word.indexOf("=");
  return eq === -1 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

export function parseArgv(argv: readonly string[]): RawArgs {
  const out: RawArgs = {
    command: undefined,
    positionals: [],
    values: new Map(),
    fallbacks: [],
    flags: new Set(),
    from: [],
  };
  const positionals: string[] = [];
  let i = 0;
  const takeValue = (name: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline;
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith("--") && next.length > 2)) {
      throw new UsageError(
        `${name} needs a value (write ${name} VALUE, or ${name}=VALUE for a value that starts with --)`,
      );
    }
    i++;
    return next;
  };
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word === "-" || !word.startsWith("-")) {
      positionals.push(word);
      continue;
    }
    const [name, inline] = splitInline(word);
    const fromName = name.startsWith(FROM_PREFIX) ? `--${name.slice(FROM_PREFIX.length)}` : null;
    if (fromName !== null && (isValueOption(fromName) || isFallbackOption(fromName))) {
      out.from.push(fromName, takeValue(name, inline));
    } else if (fromName !== null && isFlagOption(fromName)) {
      if (inline !== undefined) throw new UsageError(`${name} is a switch and takes no value`);
      out.from.push(fromName);
    } else if (isValueOption(name)) {
      if (out.values.has(name)) throw repeatedOption(name);
      out.values.set(name, takeValue(name, inline));
    } else if (isFallbackOption(name)) {
      out.fallbacks.push({ option: name, value: takeValue(name, inline) });
    } else if (isFlagOption(name)) {
      if (inline !== undefined) throw new UsageError(`${name} is a switch and takes no value`);
      out.flags.add(name);
    } else {
      const command = positionals[0];
      const page = command === undefined || command === "help" ? "decode" : command;
      throw new UsageError(
        `unknown option ${name} (see \`sessionlens help ${page}\` for its options)`,
      );
    }
  }
  out.command = positionals[0];
  out.positionals = positionals.slice(1);
  return out;
}

function repeatedOption(name: ValueOption): UsageError {
  if (name === "--secret" || name === "--secret-hex") {
    return new UsageError(`${name} was given twice: give older secrets with --fallback`);
  }
  return new UsageError(`${name} was given twice: give it once`);
}
