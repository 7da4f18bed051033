/**
 * Reading standard input line by line as it arrives, and writing lines with back-pressure, so
 * `tail -f app.log | sessionlens decode -` answers each cookie as soon as its line is complete.
 *
 * Each character is looked at once: a chunk is searched for newlines from where the last search
 * stopped, and the unfinished line is kept as a list of pieces, joined once when its newline
 * comes. (Appending to one pending string and searching it from the start again made a long
 * line without a newline quadratic: 64 MB took 24 s.) A line past MAX_LINE_CHARS is not kept,
 * and it is answered as soon as it passes the bound, not at its end: a line that never ends
 * (`< /dev/zero`) gets its answer too, and hostile input costs neither memory nor time.
 */
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { UsageError } from "./usage-error";

/** Longest line kept, in UTF-16 units: far past any cookie or Cookie header (browsers send ~8 KB). */
export const MAX_LINE_CHARS = 1024 * 1024;
/** Longest `sign -` input: one typed-JSON session (an inflated session is at most 1 MB). */
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

export interface InputLine {
  /** 1-based line number in the input, blank lines counted, for messages. */
  lineNumber: number;
  /** The line, trimmed; "" when it was too long to keep. */
  text: string;
  /** Set when the line was longer than MAX_LINE_CHARS: the length seen (its text was not kept). */
  overLong?: number;
}

/** Splits a text stream into lines; push chunks in, get complete lines out, then finish(). */
export class LineSplitter {
  private pieces: string[] = [];
  private pendingLength = 0;
  private lineNumber = 0;
  private first = true;
  /** The pending line was already answered as too long; its end only closes it. */
  private answered = false;

  push(chunk: string): InputLine[] {
    const lines: InputLine[] = [];
    let start = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
      this.add(chunk.slice(start, end));
      const line = this.emit();
      if (line) lines.push(line);
      start = end + 1;
    }
    if (start < chunk.length) this.add(start === 0 ? chunk : chunk.slice(start));
    // +1: a kept line may still end in the "\r" of a CRLF; past that it can only be too long.
    if (!this.answered && this.pendingLength > MAX_LINE_CHARS + 1) {
      this.answered = true;
      this.first = false;
      lines.push({ lineNumber: ++this.lineNumber, text: "", overLong: this.pendingLength });
    }
    return lines;
  }

  finish(): InputLine[] {
    if (this.pendingLength === 0 && this.pieces.length === 0) return [];
    const line = this.emit();
    return line ? [line] : [];
  }

  private add(piece: string): void {
    this.pendingLength += piece.length;
    if (this.pendingLength <= MAX_LINE_CHARS + 1) this.pieces.push(piece);
    else this.pieces = [];
  }

  private emit(): InputLine | undefined {
    if (this.answered) {
      this.answered = false;
      this.pieces = [];
      this.pendingLength = 0;
      return undefined;
    }
    this.lineNumber++;
    const length = this.pendingLength;
    const joined = this.pieces.join("");
    this.pieces = [];
    this.pendingLength = 0;
    const wasFirst = this.first;
    this.first = false;
    // +1: a kept line may still end in the "\r" of a CRLF.
    if (length > MAX_LINE_CHARS + 1 || (length > MAX_LINE_CHARS && !joined.endsWith("\r"))) {
      return { lineNumber: this.lineNumber, text: "", overLong: length };
    }
    let text = joined.endsWith("\r") ? joined.slice(0, -1) : joined;
    if (wasFirst && text.startsWith("\uFEFF")) text = text.slice(1);
    text = text.replace(/^[ \t]+|[ \t]+$/g, "");
    return text === "" ? undefined : { lineNumber: this.lineNumber, text };
  }
}

/**
 * Non-blank lines of a text stream, without their `\n` or `\r\n` and without surrounding
 * spaces or tabs; a UTF-8 byte-order mark at the very start is dropped.
 */
export async function* nonBlankLines(input: Readable): AsyncGenerator<InputLine> {
  input.setEncoding("utf8");
  const splitter = new LineSplitter();
  for await (const chunk of input) yield* splitter.push(chunk as string);
  yield* splitter.finish();
}

/**
 * All of a text stream (sign reads one typed-JSON document, which may span lines; convert one
 * cookie). It must be UTF-8: a Latin-1 file read leniently would have its é signed as U+FFFD.
 */
export async function readAll(input: Readable, command: string): Promise<string> {
  const pieces: Buffer[] = [];
  let length = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    length += bytes.length;
    // Bytes bound characters from above, so this never refuses what the character bound allows.
    if (length > 4 * MAX_DOCUMENT_CHARS) {
      input.destroy();
      throw tooLong(command);
    }
    pieces.push(bytes);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(pieces));
  } catch {
    throw new UsageError(
      `standard input is not UTF-8 text: save it as UTF-8 (${command} reads it as such, and would change the bytes it cannot read)`,
    );
  }
  if (text.length > MAX_DOCUMENT_CHARS) throw tooLong(command);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function tooLong(command: string): UsageError {
  return new UsageError(
    `standard input is longer than ${MAX_DOCUMENT_CHARS} characters; ${command} reads one ${command === "sign" ? "session" : "cookie"}, and no cookie holds that much`,
  );
}

/** Write one line, waiting for the stream to drain when its buffer is full. */
export async function writeLine(output: Writable, line: string): Promise<void> {
  if (!output.write(`${line}\n`)) await once(output, "drain");
}
