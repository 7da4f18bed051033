/**
 * The stdin line reader does linear work: every character is searched for a newline once,
 * however long the line. Counted, not timed: String.prototype.indexOf is wrapped for the test
 * to add up how many characters each search covers (the reader's only scanning primitive), and
 * a 64 MB line without a newline must cost about 64 M characters of searching, not the ~34 G a
 * search of the whole pending text per chunk costs.
 */
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import {
  type InputLine,
  LineSplitter,
  MAX_LINE_CHARS,
  nonBlankLines,
  readAll,
} from "../../src/cli/streams";

const originalIndexOf = String.prototype.indexOf;
let scanned = 0;
function countSearches(): void {
  scanned = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    scanned += Math.max(0, this.length - Math.max(0, from ?? 0));
    return originalIndexOf.call(this, search, from);
  };
}
afterEach(() => {
  String.prototype.indexOf = originalIndexOf;
});

const CHUNK = "A".repeat(64 * 1024);

function streamOf(pieces: Iterable<string>): Readable {
  return Readable.from(
    (function* () {
      for (const piece of pieces) yield Buffer.from(piece, "utf8");
    })(),
    { objectMode: false },
  );
}

async function linesOf(input: Readable): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const line of nonBlankLines(input)) out.push(line);
  return out;
}

describe("nonBlankLines", () => {
  it("searches a 64 MB line without a newline in linear work, and keeps only its length", async () => {
    const chunks = 1024;
    const pieces = function* () {
      for (let i = 0; i < chunks; i++) yield CHUNK;
      yield "\nnext-cookie\n";
    };
    countSearches();
    const lines = await linesOf(streamOf(pieces()));
    const searched = scanned;
    String.prototype.indexOf = originalIndexOf;
    const total = chunks * CHUNK.length;
    expect(searched).toBeLessThan(2 * total + 1024);
    // answered once it passed the bound: 17 chunks of 64 Ki characters
    expect(lines).toEqual([
      { lineNumber: 1, text: "", overLong: 17 * CHUNK.length },
      { lineNumber: 2, text: "next-cookie" },
    ]);
  });

  it("answers a line that never ends as soon as it passes the bound", () => {
    const splitter = new LineSplitter();
    const answers = Array.from({ length: 40 }, () => splitter.push(CHUNK));
    expect(answers.findIndex((a) => a.length > 0)).toBe(16); // the 17th chunk passes 1 Mi + 1
    expect(answers.flat()).toEqual([{ lineNumber: 1, text: "", overLong: 17 * CHUNK.length }]);
    expect(splitter.push("rest\nnext\n")).toEqual([{ lineNumber: 2, text: "next" }]);
  });

  it("keeps a line of exactly MAX_LINE_CHARS (plus the CR of a CRLF), refuses one character more", async () => {
    const exact = "B".repeat(MAX_LINE_CHARS);
    const lines = await linesOf(
      streamOf([exact.slice(0, 1000), `${exact.slice(1000)}\r\n`, `${exact}C\n`, "x"]),
    );
    expect(lines.map((l) => [l.lineNumber, l.text.length, l.overLong])).toEqual([
      [1, MAX_LINE_CHARS, undefined],
      [2, 0, MAX_LINE_CHARS + 1],
      [3, 1, undefined],
    ]);
  });

  it("splits lines across chunk boundaries, CRLF and a BOM as before", async () => {
    const lines = await linesOf(streamOf(["\uFEFFab", "c\r", "\n\n  d ", "e\t\nf"]));
    expect(lines).toEqual([
      { lineNumber: 1, text: "abc" },
      { lineNumber: 3, text: "d e" },
      { lineNumber: 4, text: "f" },
    ]);
  });
});

describe("readAll", () => {
  it("refuses an input past its bound with a message saying why", async () => {
    const pieces = function* () {
      for (let i = 0; i < 257; i++) yield CHUNK;
    };
    await expect(readAll(streamOf(pieces()), "sign")).rejects.toThrow(
      /standard input is longer than 16777216 characters; sign reads one session/,
    );
  });

  it("reads UTF-8 split anywhere, drops a byte-order mark, and refuses bytes that are not UTF-8", async () => {
    const utf8 = Buffer.from('\uFEFF{"name": "José"}', "utf8");
    const split = Readable.from([utf8.subarray(0, 17), utf8.subarray(17)]); // inside the é
    expect(await readAll(split, "sign")).toBe('{"name": "José"}');
    const latin1 = Readable.from([Buffer.from('{"name": "Jos\xe9"}', "latin1")]);
    await expect(readAll(latin1, "sign")).rejects.toThrow(
      /standard input is not UTF-8 text: save it as UTF-8/,
    );
  });
});
