/**
 * Entry point of the `sessionlens` command (bundled by `npm run build:cli` into
 * dist/cli/sessionlens.mjs, started by bin/sessionlens.mjs). It only dispatches: argv → help,
 * version or one of the commands; every user-fixable problem becomes one stderr line and exit 2.
 * The exit status is set through process.exitCode so buffered stdout is flushed first.
 */
import { version } from "../../package.json";
import { helpOrVersion, readIntent } from "./args";
import { runAuditCommand } from "./audit/audit-command";
import { runConvert } from "./convert-command";
import { type CommandIo, runDecode } from "./decode-command";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { COMMANDS_TEXT, helpText } from "./help";
import { SECRET_OPTIONS } from "./option-table";
import { runSign } from "./sign-command";
import { runTimeline } from "./timeline-command";
import { redactSecrets, UsageError } from "./usage-error";

async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  // Help and version first, so they win for audit too (it has its own option parser).
  const intent = helpOrVersion(argv) ?? (argv[0] === "audit" ? null : readIntent(argv));
  if (intent === null) return runAuditCommand(argv.slice(1), io);
  if (intent.kind === "help") {
    io.stdout.write(`${helpText(intent.topic)}\n`);
    return EXIT_OK;
  }
  if (intent.kind === "version") {
    io.stdout.write(`sessionlens ${version}\n`);
    return EXIT_OK;
  }
  const { args } = intent;
  if (args.command === "decode") return runDecode(args, io);
  if (args.command === "sign") return runSign(args, io);
  if (args.command === "convert") return runConvert(args, io);
  if (args.command === "timeline") return runTimeline(args, io);
  if (args.command === undefined) {
    throw new UsageError(`no command given: use ${COMMANDS_TEXT} (see \`sessionlens --help\`)`);
  }
  throw new UsageError(
    `unknown command "${args.command}": use ${COMMANDS_TEXT} (see \`sessionlens --help\`)`,
  );
}

/** Values of the secret options, found without trusting the parser (it may be what failed). */
function secretsIn(argv: readonly string[]): string[] {
  const secrets: string[] = [];
  argv.forEach((word, i) => {
    const eq = word.indexOf("=");
    const name = eq === -1 ? word : word.slice(0, eq);
    if (!SECRET_OPTIONS.includes(name)) return;
    const value = eq === -1 ? argv[i + 1] : word.slice(eq + 1);
    if (value !== undefined) secrets.push(value);
  });
  return secrets;
}

function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  // A reader that goes away (`| head`) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  try {
    process.exitCode = await run(argv, io);
  } catch (error) {
    const line = describe(error).replace(/[\r\n]+/g, " ");
    process.stderr.write(`sessionlens: ${redactSecrets(line, secretsIn(argv))}\n`);
    process.exitCode = EXIT_USAGE;
  }
}

void main();
