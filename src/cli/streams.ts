/**
 * Reading standard input line by line as it arrives, and writing lines with back-pressure, so
 * `tail -f app.log | sessionlens decode -` answers each cookie as soon as its line is complete.
 */
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";

export interface InputLine {
  /** 1-based line number in the input, blank lines counted, for messages. */
  lineNumber: number;
  text: string;
}

/**
 * Non-blank lines of a text stream, without their `\n` or `\r\n` and without surrounding
 * spaces or tabs; a UTF-8 byte-order mark at the very start is dropped.
 */
export async function* nonBlankLines(input: Readable): AsyncGenerator<InputLine> {
  input.setEncoding("utf8");
  let pending = "";
  let lineNumber = 0;
  let first = true;
  const emit = (raw: string): InputLine | undefined => {
    lineNumber++;
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (first && text.startsWith("\uFEFF")) text = text.slice(1);
    first = false;
    text = text.replace(/^[ \t]+|[ \t]+$/g, "");
    return text === "" ? undefined : { lineNumber, text };
  };
  for await (const chunk of input) {
    pending += chunk as string;
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      const line = emit(pending.slice(start, end));
      start = end + 1;
      if (line) yield line;
    }
    pending = pending.slice(start);
  }
  if (pending !== "") {
    const line = emit(pending);
    if (line) yield line;
  }
}

/** All of a text stream (sign reads one typed-JSON document, which may span lines). */
export async function readAll(input: Readable): Promise<string> {
  input.setEncoding("utf8");
  let text = "";
  for await (const chunk of input) text += chunk as string;
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** Write one line, waiting for the stream to drain when its buffer is full. */
export async function writeLine(output: Writable, line: string): Promise<void> {
  if (!output.write(`${line}\n`)) await once(output, "drain");
}
