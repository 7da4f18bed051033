/**
 * `sessionlens audit` options (docs/cli.md §9): the command has its own small parser because its
 * options (repeatable --wordlist, --no-builtin, --workers, --hashcat) are its alone. Values
 * reuse the shared value parsers, so formats and digests are spelled and refused as elsewhere.
 */
import { availableParallelism } from "node:os";
import type { Digest, FormatId, KeyDerivation } from "../../codec";
import { parseCookieName, parseDigest, parseFormat, parseKeyDerivation } from "../parse-values";
import { UsageError } from "../usage-error";

export interface AuditArgs {
  format: FormatId | "auto";
  cookie: string;
  name: string | undefined;
  sig: string | undefined;
  salt: string | undefined;
  digest: Digest | undefined;
  keyDerivation: KeyDerivation | undefined;
  wordlists: string[];
  builtin: boolean;
  workers: number;
  hashcat: boolean;
  /** Benchmarks and tests pin a kernel; normally the fastest one that runs. */
  kernel: "js" | "wasm-simd" | undefined;
}

const MAX_WORKERS_PER_CORE = 4;

const VALUE = new Set([
  "--format",
  "--name",
  "--sig",
  "--salt",
  "--digest",
  "--key-derivation",
  "--wordlist",
  "--workers",
  "--kernel",
]);

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  const out: AuditArgs = {
    format: "auto",
    cookie: "",
    name: undefined,
    sig: undefined,
    salt: undefined,
    digest: undefined,
    keyDerivation: undefined,
    wordlists: [],
    builtin: true,
    workers: Math.max(1, availableParallelism()),
    hashcat: false,
    kernel: undefined,
  };
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith("--") || word === "-") {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = eq < 0 ? word : word.slice(0, eq);
    if (name === "--no-builtin") out.builtin = false;
    else if (name === "--hashcat") out.hashcat = true;
    else if (VALUE.has(name)) {
      const value = eq >= 0 ? word.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      apply(out, name, value);
    } else {
      throw new UsageError(`unknown option ${name} for audit (see \`sessionlens audit --help\`)`);
    }
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "audit needs one cookie value (with --sig for cookie-session)"
        : "audit takes one cookie value; give more candidate lists with --wordlist",
    );
  }
  out.cookie = positionals[0]!;
  if (!out.builtin && out.wordlists.length === 0) {
    throw new UsageError("--no-builtin leaves nothing to try: add --wordlist FILE");
  }
  return out;
}

function apply(out: AuditArgs, name: string, value: string): void {
  switch (name) {
    case "--format":
      out.format = parseFormat(value);
      return;
    case "--name":
      out.name = parseCookieName(value);
      return;
    case "--sig":
      out.sig = value;
      return;
    case "--salt":
      out.salt = value;
      return;
    case "--digest":
      out.digest = parseDigest(value);
      return;
    case "--key-derivation":
      out.keyDerivation = parseKeyDerivation(value);
      return;
    case "--wordlist":
      out.wordlists.push(value);
      return;
    case "--workers": {
      const n = Number(value);
      // Each worker holds its own WASM instance and list pieces (~35 MB): past a few per core
      // they only share the same cores, and 128 of them took 4.7 GB on 2 cores.
      const most = MAX_WORKERS_PER_CORE * Math.max(1, availableParallelism());
      if (!Number.isInteger(n) || n < 1 || n > most) {
        throw new UsageError(
          `--workers needs a whole number from 1 to ${most} (${MAX_WORKERS_PER_CORE} per core here; more only share the same cores)`,
        );
      }
      out.workers = n;
      return;
    }
    case "--kernel":
      if (value !== "js" && value !== "wasm-simd") {
        throw new UsageError("--kernel is js or wasm-simd");
      }
      out.kernel = value;
      return;
  }
}

export const AUDIT_HELP = `sessionlens audit [--format F] [--name NAME --sig VALUE] [--salt S] [--digest D]
  [--key-derivation K] [--wordlist FILE]… [--no-builtin] [--workers N] [--hashcat] <cookie>

Tries candidate secrets against one cookie: the built-in list (the empty secret, framework
defaults and placeholders, and the public Flask-Unsign list of 55,982 keys found in public code),
then each --wordlist FILE (one secret a line, taken literally, streamed; "\\r\\n" endings are fine;
bytes that are not UTF-8 are tried as bytes). Prints one JSON line:
  {"format":…,"found":true,"secret":"dev","secret_hex":"646576","tried":N,"seconds":S,"rate":R}
Exit 0 found, 1 not found, 2 bad input. Nothing is sent anywhere.

  --format F          flask, starlette, django, itsdangerous, cookie-session, express-session
                      (default: every format the cookie's shape fits, in turn)
  --name, --sig       cookie-session: the cookie's name and its NAME.sig value
  --salt, --digest, --key-derivation
                      as for decode, when the app changed them (the digest is otherwise read
                      from the signature's length, e.g. Django's legacy SHA-1)
  --wordlist FILE     more candidates; repeatable
  --no-builtin        only the --wordlist files
  --workers N         worker threads (default: one per core)
  --hashcat           print the hashcat hash line and mode instead, for lists too large for
                      one machine (or why hashcat cannot do this format)
  --kernel js|wasm-simd
                      pin the inner loop (benchmarks, tests); default the fastest that runs`;
