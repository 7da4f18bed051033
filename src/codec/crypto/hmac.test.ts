import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex, utf8Encode } from "../bytes";
import type { Digest } from "../types";
import { digestSize, hash, hmac, hmacKey } from "./hmac";

const DIGESTS: Digest[] = ["sha1", "sha256", "sha512"];

/** Lengths around every padding boundary of 64- and 128-byte blocks, plus random ones. */
const messageLength = fc.oneof(
  fc.constantFrom(0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 255, 256, 1000),
  fc.nat({ max: 600 }),
);
const message = messageLength.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
/** Keys shorter than, equal to and longer than both block sizes. */
const key = fc
  .oneof(fc.constantFrom(0, 1, 20, 64, 65, 128, 129, 300), fc.nat({ max: 200 }))
  .chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

describe.each(DIGESTS)("%s", (digest) => {
  it("hash matches node:crypto", () => {
    fc.assert(
      fc.property(message, (msg) => {
        expect(bytesToHex(hash(digest, msg))).toBe(createHash(digest).update(msg).digest("hex"));
      }),
      { numRuns: 300 },
    );
  });

  it("hmac and a reused hmacKey match node:crypto", () => {
    fc.assert(
      fc.property(key, fc.array(message, { minLength: 1, maxLength: 3 }), (k, msgs) => {
        const mac = hmacKey(digest, k);
        for (const msg of msgs) {
          const expected = createHmac(digest, k).update(msg).digest("hex");
          expect(bytesToHex(mac(msg))).toBe(expected);
          expect(bytesToHex(hmac(digest, k, msg))).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("returns a fresh array each call, so results can be kept", () => {
    const mac = hmacKey(digest, utf8Encode("k"));
    const first = mac(utf8Encode("one"));
    const copy = first.slice();
    mac(utf8Encode("two"));
    expect(first).toEqual(copy);
  });

  it("states its digest size", () => {
    expect(digestSize(digest)).toBe(createHash(digest).digest().length);
    expect(hash(digest, new Uint8Array(0))).toHaveLength(digestSize(digest));
  });
});

describe("known answers", () => {
  it("hashes 'abc' to the FIPS 180 examples", () => {
    const abc = utf8Encode("abc");
    expect(bytesToHex(hash("sha1", abc))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(bytesToHex(hash("sha256", abc))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(bytesToHex(hash("sha512", abc))).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a" +
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
  });

  it("derives Starlette's signing key (docs/formats.md §11 example)", () => {
    const derived = hash("sha1", utf8Encode("itsdangerous.Signersignerstarlette-public-secret"));
    expect(bytesToHex(derived)).toBe("ee41dfbebf5a6f154a53fe00dd56168410c4f6f8");
  });

  it("hashes a 600 KB message (thousands of blocks) like node:crypto", () => {
    const big = new Uint8Array(600_000).map((_, i) => (i * 31) & 0xff);
    for (const digest of DIGESTS) {
      expect(bytesToHex(hash(digest, big))).toBe(createHash(digest).update(big).digest("hex"));
    }
  });
});
