/**
 * `sessionlens timeline [--sides FILE] <file.har | ->`: the panel's timeline and findings over
 * a recorded HAR, so a bug report from someone's browser can be read without reproducing it.
 * Writes come in the order the browser applied them, then the findings, newest first.
 * Exit 0 no finding, 1 findings, 2 bad input (a file that is not a HAR or a bad sides file).
 */
import { readFile, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { parseSidesJson } from "../analysis/sidesJson";
import type { Side } from "../model/side";
import { buildTimeline } from "../timeline";
import { harTooLarge, MAX_HAR_BYTES, readHar } from "../timeline/har";
import type { RawArgs } from "./args";
import type { CommandIo } from "./decode-command";
import { EXIT_OK, EXIT_VERIFY_FAILED } from "./exit-codes";
import { writeLine as writeOut } from "./streams";
import { findingLine, writeLine } from "./timeline-output";
import { UsageError } from "./usage-error";

export const TIMELINE_HELP = `Usage: sessionlens timeline [--sides FILE] <file.har | ->

Reads a HAR (Network panel → "Save all as HAR"; in Chrome "Export HAR (with sensitive data)",
or Set-Cookie is left out) and prints one JSON line per write of a session cookie, then one per
finding: cross-side-overwrite, resign-every-response, double-set-cookie, concurrent-race,
deleting-write, oversize, shadowed, each with its evidence (write seq numbers) and a fix.

  --sides FILE   the panel's sides export (Sides → Export): who signs what, with which secret

Exit status: 0 no finding, 1 findings, 2 bad input.`;

async function readStdin(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_HAR_BYTES)
      throw new UsageError(
        `standard input is larger than the ${MAX_HAR_BYTES / 2 ** 20} MB Session Lens reads: export a HAR of fewer requests`,
      );
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readText(path: string, what: string): Promise<string> {
  let size: number | null = null;
  try {
    ({ size } = await stat(path));
  } catch {
    // readFile below says why
  }
  const tooLarge = size === null ? null : harTooLarge(`the ${what} ${path}`, size);
  if (tooLarge !== null) throw new UsageError(tooLarge);
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : (code ?? "unreadable");
    throw new UsageError(`cannot read the ${what} ${path}: ${why}`);
  }
}

const counter = (() => {
  let n = 0;
  return () => `side-${++n}`;
})();

async function loadSides(path: string | undefined): Promise<Side[]> {
  if (path === undefined) return [];
  const parsed = parseSidesJson(await readText(path, "sides file"), counter);
  if (!parsed.ok)
    throw new UsageError(`the sides file ${path} is not valid: ${parsed.errors.join("; ")}`);
  return parsed.sides;
}

export async function runTimeline(args: RawArgs, io: CommandIo): Promise<number> {
  const others = [...args.values.keys()].filter((name) => name !== "--sides");
  if (others.length > 0 || args.fallbacks.length > 0 || args.flags.size > 0) {
    throw new UsageError("timeline takes only --sides FILE (secrets come from the sides file)");
  }
  if (args.positionals.length !== 1) {
    throw new UsageError("timeline needs one HAR file, or - to read it from standard input");
  }
  const source = args.positionals[0] as string;
  const sides = await loadSides(args.values.get("--sides"));
  const text = source === "-" ? await readStdin(io.stdin) : await readText(source, "HAR file");
  const har = readHar(text);
  if (!har.ok)
    throw new UsageError(`${source === "-" ? "standard input" : source} is ${har.error}`);
  if (har.notice) io.stderr.write(`sessionlens: ${har.notice}\n`);
  const { writes, findings } = buildTimeline(
    { seen: har.seen, changes: [], hasChangeFeed: false },
    sides,
  );
  for (const w of writes) await writeOut(io.stdout, writeLine(w));
  for (const f of findings) await writeOut(io.stdout, findingLine(f));
  return findings.length > 0 ? EXIT_VERIFY_FAILED : EXIT_OK;
}
