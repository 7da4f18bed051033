import { readdirSync, readFileSync } from "node:fs";
import { constants, deflateRawSync, deflateSync, gzipSync, inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { b64urlDecodePy, b64urlEncode } from "../base64/base64";
import { concatBytes, utf8Encode } from "../bytes";
import { LIMITS } from "../types";
import { zlibCompress, zlibInflate } from "./zlib";

interface Vector {
  id: string;
  compressed?: boolean | null;
  payload_json?: string | null;
  payload_segment?: string | null;
}

const VECTOR_DIR = new URL("../../../test/fixtures/vectors/", import.meta.url);

/** Every golden vector whose cookie carries a compressed payload and records its JSON. */
const compressedVectors = readdirSync(VECTOR_DIR)
  .filter((file) => file.endsWith(".json"))
  .flatMap((file) => {
    const { vectors } = JSON.parse(readFileSync(new URL(file, VECTOR_DIR), "utf8")) as {
      vectors: Vector[];
    };
    return vectors
      .filter((v) => v.compressed === true && v.payload_json && v.payload_segment)
      .map((v) => ({ file, id: v.id, json: v.payload_json!, segment: v.payload_segment! }));
  });

const inflateOk = (b: Uint8Array, max = LIMITS.maxInflatedBytes) => {
  const result = zlibInflate(b, max);
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.bytes;
};

describe("zlibCompress reproduces CPython zlib.compress (pinned pako 2.2.0)", () => {
  it("covers the compressed vectors of every framework file", () => {
    expect(compressedVectors.length).toBeGreaterThanOrEqual(40);
    const files = new Set(compressedVectors.map((v) => v.file.split("-")[0]));
    expect(files).toEqual(new Set(["django", "flask", "starlette"]));
  });

  it.each(compressedVectors)("$id: same bytes as the framework", ({ json, segment }) => {
    // Django encodes its JSON as latin-1; in these vectors it is ASCII, where both agree.
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(segment.startsWith(".")).toBe(true);
    expect(b64urlEncode(zlibCompress(utf8Encode(json)))).toBe(segment.slice(1));
  });

  it.each(compressedVectors)("$id: inflates back to the recorded JSON", ({ json, segment }) => {
    const raw = b64urlDecodePy(segment.slice(1));
    expect(raw).not.toBeNull();
    expect(inflateOk(raw!)).toEqual(utf8Encode(json));
  });

  it("writes the zlib header CPython writes at level 6", () => {
    expect(Array.from(zlibCompress(utf8Encode("x")).subarray(0, 2))).toEqual([0x78, 0x9c]);
  });
});

describe("zlibInflate", () => {
  it("round-trips with itself and with node:zlib", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => {
        expect(inflateOk(zlibCompress(b))).toEqual(b);
        expect(new Uint8Array(inflateSync(zlibCompress(b)))).toEqual(b);
        expect(inflateOk(deflateSync(b))).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });

  it("inflates output larger than one chunk", () => {
    const text = utf8Encode("abcdefghij".repeat(50_000));
    expect(Buffer.from(inflateOk(zlibCompress(text))).equals(text)).toBe(true);
  });

  it("ignores bytes after the end of the stream, as CPython does", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 20 }),
        (b, junk) => {
          expect(inflateOk(concatBytes(zlibCompress(b), junk))).toEqual(b);
        },
      ),
    );
  });

  it("calls every truncation of a stream invalid", () => {
    const stream = zlibCompress(utf8Encode('{"user":"alice","cart":[1,2,3]}'));
    for (let length = 0; length < stream.length; length++) {
      expect(zlibInflate(stream.subarray(0, length), 1024)).toEqual({
        ok: false,
        error: "invalid",
      });
    }
  });

  it.each([
    ["the bad-payload-zlib vector", b64urlDecodePy("dGhpcyBpcyBub3QgemxpYg")!],
    [
      "a bad Adler-32",
      (() => {
        const s = zlibCompress(utf8Encode("hello"));
        s[s.length - 1]! ^= 1;
        return s;
      })(),
    ],
    ["a gzip stream (CPython's default wbits reject it)", new Uint8Array(gzipSync("hello"))],
    [
      "a stream needing a preset dictionary",
      new Uint8Array(deflateSync("hello", { dictionary: Buffer.from("hel") })),
    ],
    ["a header with a bad check value", Uint8Array.of(0x78, 0x9d, 0x03, 0x00)],
  ])("calls %s invalid", (_name, input) => {
    expect(zlibInflate(input, 1024)).toEqual({ ok: false, error: "invalid" });
  });

  it("agrees with node:zlib on random and corrupted streams, and never throws", () => {
    const header = fc.constantFrom(
      Uint8Array.of(),
      Uint8Array.of(0x78, 0x9c),
      Uint8Array.of(0x78, 0x01),
    );
    const random = fc
      .tuple(header, fc.uint8Array({ maxLength: 64 }))
      .map(([h, b]) => concatBytes(h, b));
    const corrupted = fc
      .tuple(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }))
      .map(([b, at, flip]) => {
        const stream = zlibCompress(b);
        stream[at % stream.length]! ^= flip;
        return stream;
      });
    fc.assert(
      fc.property(fc.oneof(random, corrupted), (input) => {
        let expected: Uint8Array | null;
        try {
          expected = new Uint8Array(inflateSync(input));
        } catch {
          expected = null;
        }
        const result = zlibInflate(input, 1 << 20);
        expect(result.ok ? result.bytes : null).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts output of exactly maxBytes and refuses one byte more", () => {
    const data = new Uint8Array(5000).fill(7);
    const stream = zlibCompress(data);
    expect(inflateOk(stream, 5000)).toEqual(data);
    expect(zlibInflate(stream, 4999)).toEqual({ ok: false, error: "too_large" });
    expect(zlibInflate(stream, 0)).toEqual({ ok: false, error: "too_large" });
    expect(zlibInflate(stream, Number.NaN)).toEqual({ ok: false, error: "too_large" });
    expect(inflateOk(stream, Number.POSITIVE_INFINITY)).toEqual(data);
  });

  it("refuses a bomb that fits in a 4 KB cookie", () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(4 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(4096);
    expect(zlibInflate(bomb, LIMITS.maxInflatedBytes)).toEqual({ ok: false, error: "too_large" });
  });

  it("refuses a 1 GiB bomb quickly, without inflating it", () => {
    const bomb = zerosBomb(1024);
    // The construction is a valid stream: the same recipe with 3 MiB inflates under node:zlib.
    expect(inflateSync(zerosBomb(3)).equals(Buffer.alloc(3 * 2 ** 20))).toBe(true);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const result = zlibInflate(bomb, LIMITS.maxInflatedBytes);
    const elapsedMs = performance.now() - started;
    const grownBytes = process.memoryUsage().arrayBuffers - before;
    expect(result).toEqual({ ok: false, error: "too_large" });
    // Inflating it all would take seconds and a gigabyte; the bounded decoder needs ~1 MiB.
    expect(elapsedMs).toBeLessThan(1000);
    expect(grownBytes).toBeLessThan(64 * 2 ** 20);
  });
});

/**
 * A zlib stream of `mebibytes` MiB of zeros, built without compressing it all: one MiB of
 * zeros deflated with a full flush is byte-aligned and independent of what precedes it, so
 * copies of it can be chained, then closed by an empty final block and the Adler-32.
 */
function zerosBomb(mebibytes: number): Uint8Array {
  const chunk = new Uint8Array(
    deflateRawSync(new Uint8Array(2 ** 20), { finishFlush: constants.Z_FULL_FLUSH }),
  );
  const body = new Uint8Array(chunk.length * mebibytes);
  for (let i = 0; i < mebibytes; i++) body.set(chunk, i * chunk.length);
  const totalBytes = mebibytes * 2 ** 20;
  const adler = ((totalBytes % 65521) * 65536 + 1) >>> 0; // a = 1, b = length mod 65521
  const trailer = Uint8Array.of(
    0x03,
    0x00,
    adler >>> 24,
    (adler >>> 16) & 255,
    (adler >>> 8) & 255,
    adler & 255,
  );
  return concatBytes(Uint8Array.of(0x78, 0x9c), body, trailer);
}

describe("zlibCompress reuses one deflate state", () => {
  it("matches a fresh pako deflate after inputs of any bytes and size (hash heads fully cleared)", async () => {
    const { deflate } = await import("pako");
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => {
        const out = new Uint8Array(17_000 + b.length * 1000);
        for (let i = 0; i < out.length; i++) out[i] = b[(i * 7) % b.length]! ^ (i & 3);
        return out;
      }),
    );
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 6 }), (inputs) => {
        for (const b of inputs) {
          expect(Buffer.from(zlibCompress(b)).equals(deflate(b, { level: 6 }))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same bytes as a fresh pako deflate, call after call", async () => {
    const { deflate } = await import("pako");
    const fc = await import("fast-check");
    // repetitive text makes long matches, which is where a stale window or hash chain would show
    const chunk = fc.stringMatching(/^[a-e"{}:,0-9]{0,40}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(chunk, fc.integer({ min: 1, max: 30 })), { maxLength: 12 }),
        (parts) => {
          const text = parts.map(([s, n]) => s.repeat(n)).join("");
          const input = new TextEncoder().encode(text);
          expect(Buffer.from(zlibCompress(input)).toString("hex")).toBe(
            Buffer.from(deflate(input, { level: 6 })).toString("hex"),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
