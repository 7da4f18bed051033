/**
 * Hashes and HMAC (RFC 2104) over the pure SHA cores, synchronous.
 *
 * Verifying a cookie is one HMAC of about 100 bytes, so `hmacKey` does the per-key work once:
 * it absorbs the ipad and opad key blocks and keeps the two states, and each call then only
 * hashes the message and the one-block outer digest. Callers cache the returned function per
 * (digest, key), e.g. per derived itsdangerous key.
 */
import type { Digest } from "../types";
import { absorbBlocks, digestFrom, digestInto, type HashCore } from "./core";
import { SHA1 } from "./sha1";
import { SHA256 } from "./sha256";
import { SHA512 } from "./sha512";

const CORES: Record<Digest, HashCore> = { sha1: SHA1, sha256: SHA256, sha512: SHA512 };

/** Output size in bytes: 20, 32 or 64. */
export function digestSize(digest: Digest): number {
  return CORES[digest].digestSize;
}

/** The digest of `data`. */
export function hash(digest: Digest, data: Uint8Array): Uint8Array {
  const core = CORES[digest];
  return digestFrom(core, core.initialState, 0, data);
}

/** An HMAC function for one key: call it once per message. */
export function hmacKey(digest: Digest, key: Uint8Array): (msg: Uint8Array) => Uint8Array {
  const core = CORES[digest];
  const { blockSize } = core;
  const shortKey = key.length > blockSize ? hash(digest, key) : key;
  const pad = new Uint8Array(blockSize);
  pad.set(shortKey);
  for (let i = 0; i < blockSize; i++) pad[i] = pad[i]! ^ 0x36;
  const inner = absorbBlocks(core, pad);
  for (let i = 0; i < blockSize; i++) pad[i] = pad[i]! ^ 0x36 ^ 0x5c;
  const outer = absorbBlocks(core, pad);
  const innerDigest = new Uint8Array(core.digestSize);
  return (msg) => {
    digestInto(core, inner, blockSize, msg, innerDigest);
    return digestFrom(core, outer, blockSize, innerDigest);
  };
}

/** HMAC of one message (derives the key states each time; prefer hmacKey in loops). */
export function hmac(digest: Digest, key: Uint8Array, msg: Uint8Array): Uint8Array {
  return hmacKey(digest, key)(msg);
}
