/**
 * `sessionlens decode [options] <cookie | -> …`: one NDJSON line per cookie, in input order.
 * Cookies come from the arguments, and `-` splices in standard input, one cookie per line, as
 * it arrives. A malformed cookie still gets its line on stdout, plus one line on stderr saying
 * where it was, so a pipeline sees every answer and a person sees why the exit status is 2.
 */
import type { Readable, Writable } from "node:stream";
import { decodeCookie } from "../codec";
import type { RawArgs } from "./args";
import { EXIT_OK, exitCodeFor } from "./exit-codes";
import { decodeSettings } from "./options";
import { decodeResultLine } from "./output";
import { nonBlankLines, writeLine } from "./streams";
import { UsageError } from "./usage-error";

export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

interface CookieInput {
  /** Where the cookie came from, for stderr: "argument 2", "stdin line 7". */
  origin: string;
  value: string;
}

export async function runDecode(args: RawArgs, io: CommandIo): Promise<number> {
  const { format, codec } = decodeSettings(args);
  if (args.positionals.length === 0) {
    throw new UsageError(
      "decode needs a cookie value, or - to read cookies from standard input, one per line",
    );
  }
  if (args.positionals.filter((p) => p === "-").length > 1) {
    throw new UsageError("- (standard input) was given twice: give it once");
  }
  let exitCode = EXIT_OK;
  for await (const cookie of cookieInputs(args.positionals, io.stdin)) {
    const result = decodeCookie(format, cookie.value, codec);
    await writeLine(io.stdout, decodeResultLine(result));
    if (result.status === "malformed") {
      io.stderr.write(`sessionlens: ${cookie.origin} is malformed: ${result.detail}\n`);
    }
    exitCode = Math.max(exitCode, exitCodeFor(result.status));
  }
  return exitCode;
}

async function* cookieInputs(positionals: string[], stdin: Readable): AsyncGenerator<CookieInput> {
  for (const [index, positional] of positionals.entries()) {
    if (positional !== "-") {
      yield { origin: `argument ${index + 1}`, value: positional };
      continue;
    }
    for await (const line of nonBlankLines(stdin)) {
      yield { origin: `stdin line ${line.lineNumber}`, value: line.text };
    }
  }
}
