/**
 * `sessionlens audit`: one cookie against the built-in list and any --wordlist files, on one
 * worker thread per core; one JSON line out (docs/cli.md §9), progress on stderr only on a tty.
 * Lists are streamed from disk piece by piece, so their size is bounded by time, not memory.
 */
import { createReadStream, statSync } from "node:fs";
import type { AuditOutcome, Piece, Progress } from "../../audit/coordinator";
import { knownSecrets } from "../../audit/known";
import { evenPieceLines, listPieces, type StreamNotes, streamPieces } from "../../audit/pieces";
import type { AuditJob } from "../../audit/protocol";
import { type AuditRecipe, prepareRecipe } from "../../audit/recipe";
import { detectFormats, type FormatId } from "../../codec";
import { bytesToHex, utf8Decode } from "../../codec/bytes";
import { pythonUnquote } from "../../codec/formats/pythonUnquote";
import type { CommandIo } from "../decode-command";
import { EXIT_OK, EXIT_USAGE, EXIT_VERIFY_FAILED } from "../exit-codes";
import { escapeLineBreakers } from "../output";
import { writeLine } from "../streams";
import { UsageError } from "../usage-error";
import { type AuditArgs, parseAuditArgs } from "./audit-args";
import { hashcatFor } from "./hashcat";
import { serveWorker, startNodePool, WORKER_FLAG } from "./node-pool";

export async function runAuditCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  if (argv[0] === WORKER_FLAG) return serveWorker();
  const args = parseAuditArgs(argv);
  const options: AuditJob["options"] = {
    name: args.name,
    sig: args.sig,
    salt: args.salt,
    digest: args.digest,
    keyDerivation: args.keyDerivation,
  };
  const jobs = auditJobs(args, options);
  if (args.hashcat) {
    const [{ job, recipe }] = jobs;
    const h = hashcatFor(recipe, args.cookie.trim());
    const line = h.supported
      ? { format: job.format, hashcat: { mode: h.mode, hash: h.hash }, detail: h.detail }
      : { format: job.format, hashcat: null, detail: h.detail };
    await writeLine(io.stdout, escapeLineBreakers(JSON.stringify(line)));
    return h.supported ? EXIT_OK : EXIT_USAGE;
  }
  for (const file of args.wordlists) checkReadable(file);

  const notes = new Map<string, StreamNotes>();
  const { pool, close } = startNodePool(args.workers);
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  try {
    // Every format the value's shape fits, in turn, until one finds the secret (a Flask-shaped
    // value may as well be a bare itsdangerous or a Starlette one: only the secret tells). Not
    // found, the line names the best guess, the first.
    let format = jobs[0].job.format;
    let outcome: AuditOutcome | null = null;
    let tried = 0;
    let seconds = 0;
    for (const { job } of jobs) {
      outcome = await pool.run({
        job,
        pieces: pieces(args, notes, pool.size),
        totalWeight: totalWeight(args),
        onProgress: tty ? progressLine(io) : undefined,
      });
      tried += outcome.tried;
      seconds += outcome.seconds;
      if (outcome.found) {
        format = job.format;
        break;
      }
    }
    if (tty) io.stderr.write("\r\x1b[K");
    for (const [file, n] of notes) {
      if (n.binary) {
        io.stderr.write(
          `note: ${file} is not UTF-8 text (NUL bytes or another encoding); its lines were tried as raw bytes\n`,
        );
      }
      if (n.skippedLongLines > 0) {
        io.stderr.write(
          `note: ${file}: ${n.skippedLongLines} line(s) longer than 64 KiB skipped (no line ends?)\n`,
        );
      }
    }
    const secret = outcome?.secret ?? null;
    const line = {
      format,
      found: outcome?.found ?? false,
      secret: secret === null ? null : utf8Decode(secret),
      secret_hex: secret === null ? null : bytesToHex(secret),
      tried,
      seconds: Number(seconds.toFixed(3)),
      rate: seconds > 0 ? Math.round(tried / seconds) : 0,
    };
    await writeLine(io.stdout, escapeLineBreakers(JSON.stringify(line)));
    return line.found ? EXIT_OK : EXIT_VERIFY_FAILED;
  } finally {
    await close();
  }
}

/**
 * The formats to audit, each with its prepared recipe: the one given, or under auto every
 * format the shape fits that can be prepared (the first problem is reported when none can).
 */
function auditJobs(args: AuditArgs, options: AuditJob["options"]): [Prepared, ...Prepared[]] {
  const formats = formatsOf(args);
  const prepared: Prepared[] = [];
  let firstProblem: string | null = null;
  for (const format of formats) {
    const job: AuditJob = { format, cookie: args.cookie, options, kernel: args.kernel };
    const recipe = prepareRecipe(format, args.cookie, options);
    if (recipe.ok) prepared.push({ job, recipe: recipe.recipe });
    else if (firstProblem === null) {
      // The codec says what is wrong; the CLI adds which option supplies it.
      const hint =
        format === "cookie-session" && args.sig === undefined ? " (give it with --sig)" : "";
      firstProblem = `cannot audit this ${format} cookie: ${recipe.problem}${hint}`;
    }
  }
  const [first, ...rest] = prepared;
  if (first === undefined) throw new UsageError(firstProblem ?? "nothing to audit");
  return [first, ...rest];
}

interface Prepared {
  job: AuditJob;
  recipe: AuditRecipe;
}

function formatsOf(args: AuditArgs): FormatId[] {
  if (args.format !== "auto") return [args.format];
  const guess = detectFormats(pythonUnquote(args.cookie.trim()), {
    name: args.name,
    sig: args.sig,
  });
  if (guess.length === 0) {
    throw new UsageError(
      "this value does not look like a session cookie of a known format: give --format",
    );
  }
  return guess;
}

function checkReadable(file: string): void {
  try {
    if (statSync(file).isDirectory()) {
      throw new UsageError(`--wordlist ${file} is a directory, not a file`);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `--wordlist ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}

function totalWeight(args: AuditArgs): number {
  let total = 0;
  if (args.builtin) {
    const k = knownSecrets();
    total += k.bytes.length + k.count;
  }
  for (const f of args.wordlists) total += statSync(f).size;
  return total;
}

async function* pieces(
  args: AuditArgs,
  notes: Map<string, StreamNotes>,
  workers: number,
): AsyncGenerator<Piece> {
  if (args.builtin) {
    const known = knownSecrets();
    yield* listPieces(known, evenPieceLines(known.count, workers));
  }
  for (const file of args.wordlists) {
    const n: StreamNotes = { bytes: 0, binary: false, skippedLongLines: 0 };
    notes.set(file, n);
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    yield* streamPieces(stream as AsyncIterable<Uint8Array>, n);
  }
}

function progressLine(io: CommandIo): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const eta = p.eta === null ? "" : ` · ETA ${p.eta < 1 ? "<1" : Math.round(p.eta)} s`;
    io.stderr.write(
      `\r\x1b[Ktried ${p.tried.toLocaleString("en-US")} · ${Math.round(p.rate).toLocaleString("en-US")}/s${eta}`,
    );
  };
}
