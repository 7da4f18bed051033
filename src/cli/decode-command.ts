/**
 * `sessionlens decode [options] <cookie | -> …`: one answer per cookie, in input order. Cookies
 * come from the arguments, and `-` splices in standard input, one cookie per line, as it
 * arrives. An input may be a bare value, `NAME=value` or a whole `Cookie:` header
 * (cookie-input.ts). Piped, every answer is one NDJSON line (the contract); on a terminal it is
 * the readable form unless `--json`. A malformed cookie still gets its answer on stdout, plus
 * one line on stderr saying where it was, so a pipeline sees every answer and a person sees why
 * the exit status is 2.
 */
import type { Readable, Writable } from "node:stream";
import {
  type CodecOptions,
  type DecodeResult,
  decodeCookie,
  detectFormats,
  pythonUnquote,
} from "../codec";
import type { RawArgs } from "./args";
import { cookiesFromInput } from "./cookie-input";
import { EXIT_OK, exitCodeFor } from "./exit-codes";
import { decodeSettings } from "./options";
import { decodeResultLine } from "./output";
import type { FormatChoice } from "./parse-values";
import { readableResult } from "./readable";
import { MAX_LINE_CHARS, nonBlankLines, writeLine } from "./streams";
import { UsageError } from "./usage-error";

export interface CommandIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
}

interface CookieInput {
  /** Where the cookie came from, for stderr: "argument 2", "stdin line 7". */
  origin: string;
  value: string;
  /** A stdin line: a line that cannot be read is answered, not a reason to stop the stream. */
  fromStdin: boolean;
  /** A stdin line too long to keep (MAX_LINE_CHARS): its length; `value` is then "". */
  overLong?: number;
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
  const readable = io.stdout.isTTY === true && !args.flags.has("--json");
  let exitCode = EXIT_OK;
  for await (const input of cookieInputs(args.positionals, io.stdin)) {
    const answerRefused = async (detail: string) => {
      const result = refusedLine(detail);
      const shown = { name: undefined, format: null };
      await writeLine(
        io.stdout,
        readable ? readableResult(result, shown) : decodeResultLine(result, shown),
      );
      io.stderr.write(`sessionlens: ${input.origin} is malformed: ${result.detail}\n`);
      exitCode = Math.max(exitCode, exitCodeFor(result.status));
    };
    if (input.overLong !== undefined) {
      await answerRefused(
        `Refused: the line is longer than the ${MAX_LINE_CHARS} characters standard input lines are read up to; a cookie is at most 4096 bytes.`,
      );
      continue;
    }
    let cookies: ReturnType<typeof cookiesFromInput>;
    try {
      cookies = cookiesFromInput(input.value, { name: codec.name, format });
    } catch (error) {
      // docs/cli.md §4: every stdin line gets an answer; an argument's problem is a usage error.
      if (!(input.fromStdin && error instanceof UsageError)) throw error;
      await answerRefused(`${error.message}.`);
      continue;
    }
    for (const cookie of cookies) {
      const options: CodecOptions = {
        ...codec,
        ...(cookie.name !== undefined ? { name: cookie.name } : {}),
        ...(codec.sig === undefined && cookie.sig !== undefined ? { sig: cookie.sig } : {}),
        // docs/cli.md §5: `data` shows what a rejected cookie says where it can be read
        readRejected: true,
      };
      const result = decodeCookie(format, cookie.value, options);
      const shownFormat = formatShown(format, cookie.value, result);
      const answer = readable
        ? readableResult(result, { name: cookie.name, format: shownFormat })
        : decodeResultLine(result, { format: shownFormat, name: cookie.name });
      await writeLine(io.stdout, answer);
      if (result.status === "malformed") {
        const which = cookie.name === undefined ? "" : ` (cookie ${cookie.name})`;
        io.stderr.write(`sessionlens: ${input.origin}${which} is malformed: ${result.detail}\n`);
      }
      exitCode = Math.max(exitCode, exitCodeFor(result.status));
    }
  }
  return exitCode;
}

/**
 * With `--format auto` a value of no known shape has no format: say null rather than the codec's
 * placeholder. A value that had a shape keeps the format it was read as (the best guess), and
 * `detail` says why that reading failed.
 */
function formatShown(format: FormatChoice, value: string, result: DecodeResult): string | null {
  if (format !== "auto" || result.status !== "malformed") return result.format;
  return detectFormats(pythonUnquote(value)).length === 0 ? null : result.format;
}

/**
 * The answer for a stdin line that holds no cookie to decode (too long to keep, or no
 * session-like cookie in it): malformed, nothing decoded. `format` is only a placeholder of the
 * type: it is shown as null (no known format), as for any shapeless value.
 */
function refusedLine(detail: string): DecodeResult {
  return {
    format: "flask",
    status: "malformed",
    data: undefined,
    payloadJson: null,
    timestamp: null,
    compressed: null,
    key: null,
    detail,
  };
}

async function* cookieInputs(positionals: string[], stdin: Readable): AsyncGenerator<CookieInput> {
  for (const [index, positional] of positionals.entries()) {
    if (positional !== "-") {
      yield { origin: `argument ${index + 1}`, value: positional, fromStdin: false };
      continue;
    }
    for await (const line of nonBlankLines(stdin)) {
      const origin = `stdin line ${line.lineNumber}`;
      yield line.overLong === undefined
        ? { origin, value: line.text, fromStdin: true }
        : { origin, value: "", fromStdin: true, overLong: line.overLong };
    }
  }
}
