/** Wordlists as bytes: CRLF, binary garbage and huge streamed lists are read without a crash. */
import { describe, expect, it } from "vitest";
import { splitLines } from "../../../src/audit/lines";
import { MAX_LINE, type StreamNotes, streamPieces } from "../../../src/audit/pieces";
import { utf8Encode } from "../../../src/codec/bytes";
import { signSession } from "../../../src/codec/sign";
import { dict } from "../../../src/codec/value";
import { jobFor, pool } from "./auditHarness";

const notes = (): StreamNotes => ({ bytes: 0, binary: false, skippedLongLines: 0 });
const flask = (secret: string | Uint8Array) =>
  signSession("flask", dict([["n", 1]]), { secret, timestamp: 1767237945 }).value;

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

describe("line spans", () => {
  it("drops one \\r before \\n and keeps everything else", () => {
    const b = utf8Encode("a\r\n\r\nb \t\n\u0000c\r\r\nlast");
    const { spans, count } = splitLines(b, b.length, true);
    const lines = Array.from({ length: count }, (_, i) => [
      ...b.subarray(spans[2 * i], spans[2 * i + 1]),
    ]);
    expect(lines).toEqual([[97], [], [98, 32, 9], [0, 99, 13], [108, 97, 115, 116]]);
  });
});

describe("streamed lists", () => {
  const p = pool(2);

  it("finds a secret in a CRLF list", async () => {
    const list = utf8Encode("one\r\ntwo\r\nsecret-crlf\r\nthree\r\n");
    const r = await p.run({
      job: jobFor("flask", flask("secret-crlf"), {}),
      pieces: streamPieces(chunked(list, 7), notes(), 16),
    });
    expect(new TextDecoder().decode(r.secret!)).toBe("secret-crlf");
  });

  it("drops a UTF-8 byte-order mark before the first secret", async () => {
    const list = utf8Encode("\uFEFFbom-first\nother\n");
    const n = notes();
    const r = await p.run({
      job: jobFor("flask", flask("bom-first"), {}),
      pieces: streamPieces(chunked(list, 5), n),
    });
    expect(new TextDecoder().decode(r.secret!)).toBe("bom-first");
    expect(n.binary).toBe(false);
  });

  it("tries a binary list byte for byte and says it is binary", async () => {
    const garbage = new Uint8Array(300_000);
    let x = 7;
    for (let i = 0; i < garbage.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      garbage[i] = x >>> 24;
    }
    const secret = Uint8Array.of(0xff, 0x00, 0xfe, 0x80);
    const list = new Uint8Array(garbage.length + 6);
    list.set(garbage);
    list.set([10, ...secret, 10], garbage.length);
    const n = notes();
    const r = await p.run({
      job: jobFor("flask", flask(secret), {}),
      pieces: streamPieces(chunked(list, 65536), n, 1 << 16),
    });
    expect(n.binary).toBe(true);
    expect([...r.secret!]).toEqual([...secret]);
  });

  it("skips lines past the limit and still reads the rest", async () => {
    const long = new Uint8Array(MAX_LINE * 3).fill(0x61);
    const tail = utf8Encode("\nafter-long\n");
    const list = new Uint8Array(long.length + tail.length);
    list.set(long);
    list.set(tail, long.length);
    const n = notes();
    const r = await p.run({
      job: jobFor("flask", flask("after-long"), {}),
      pieces: streamPieces(chunked(list, 10_000), n, 1 << 15),
    });
    expect(n.skippedLongLines).toBe(1);
    expect(new TextDecoder().decode(r.secret!)).toBe("after-long");
  });

  it("streams a list far larger than one piece, holding one piece at a time", async () => {
    const lines = 400_000;
    async function* big(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < lines; i += 10_000) {
        let text = "";
        for (let j = i; j < i + 10_000; j++) text += `w${j}\n`;
        yield utf8Encode(text);
      }
      yield utf8Encode("the-last-one");
    }
    const n = notes();
    let biggest = 0;
    async function* watch(): AsyncGenerator<import("../../../src/audit/coordinator").Piece> {
      for await (const piece of streamPieces(big(), n, 1 << 18)) {
        biggest = Math.max(biggest, piece.bytes.length);
        yield piece;
      }
    }
    const r = await p.run({ job: jobFor("flask", flask("the-last-one"), {}), pieces: watch() });
    expect(new TextDecoder().decode(r.secret!)).toBe("the-last-one");
    expect(r.tried).toBe(lines + 1);
    expect(biggest).toBeLessThanOrEqual((1 << 18) + MAX_LINE);
  });
});
