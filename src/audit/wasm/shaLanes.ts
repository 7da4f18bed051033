/**
 * SHA-1 and SHA-256 compressions and HMAC over four lanes (lanes.ts). A block is 16 words, each
 * a constant or a local; constants fold, so a block the cookie fixes costs only its rounds.
 */
import type { Lanes, V } from "./lanes";

export interface LaneHash {
  words: number; // state words
  iv: readonly number[];
  compress(l: Lanes, state: readonly V[], block: readonly V[]): V[];
}

const SHA1_K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc | 0, 0xca62c1d6 | 0];

export const SHA1_LANES: LaneHash = {
  words: 5,
  iv: [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0],
  compress(l, state, block) {
    const w = [...block];
    let [a, b, c, d, e] = state as [V, V, V, V, V];
    for (let t = 0; t < 80; t++) {
      const i = t & 15;
      if (t >= 16)
        w[i] = l.rotl(l.xor(w[(t - 3) & 15]!, w[(t - 8) & 15]!, w[(t - 14) & 15]!, w[i]!), 1);
      const f = t < 20 ? l.ch(b, c, d) : t >= 40 && t < 60 ? l.maj(b, c, d) : l.xor(b, c, d);
      const temp = l.add(l.rotl(a, 5), f, e, SHA1_K[(t / 20) | 0]!, w[i]!);
      e = d;
      d = c;
      c = l.rotl(b, 30);
      b = a;
      a = temp;
    }
    return [
      l.add(a, state[0]!),
      l.add(b, state[1]!),
      l.add(c, state[2]!),
      l.add(d, state[3]!),
      l.add(e, state[4]!),
    ];
  },
};

// biome-ignore format: a table of constants reads best eight to a line
const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
].map((k) => k | 0);

export const SHA256_LANES: LaneHash = {
  words: 8,
  iv: [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ].map((x) => x | 0),
  compress(l, state, block) {
    const w = [...block];
    let [a, b, c, d, e, f, g, h] = state as [V, V, V, V, V, V, V, V];
    for (let t = 0; t < 64; t++) {
      const i = t & 15;
      if (t >= 16) {
        const x = w[(t - 15) & 15]!;
        const y = w[(t - 2) & 15]!;
        const s0 = l.xor(l.rotr(x, 7), l.rotr(x, 18), l.shr(x, 3));
        const s1 = l.xor(l.rotr(y, 17), l.rotr(y, 19), l.shr(y, 10));
        w[i] = l.add(w[i]!, s0, w[(t - 7) & 15]!, s1);
      }
      const S1 = l.xor(l.rotr(e, 6), l.rotr(e, 11), l.rotr(e, 25));
      const t1 = l.add(h, S1, l.ch(e, f, g), SHA256_K[t]!, w[i]!);
      const S0 = l.xor(l.rotr(a, 2), l.rotr(a, 13), l.rotr(a, 22));
      const t2 = l.add(S0, l.maj(a, b, c));
      h = g;
      g = f;
      f = e;
      e = l.add(d, t1);
      d = c;
      c = b;
      b = a;
      a = l.add(t1, t2);
    }
    return [a, b, c, d, e, f, g, h].map((v, k) => l.add(v, state[k]!));
  },
};

/** The blocks after the first of `data` hashed after `absorbed` bytes, padded, as constant words. */
export function constBlocks(data: Uint8Array, absorbed: number): number[][] {
  const total = absorbed + data.length;
  const size = Math.ceil((data.length + 9) / 64) * 64;
  const bytes = new Uint8Array(size);
  bytes.set(data);
  bytes[data.length] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(size - 8, Math.floor((total * 8) / 0x100000000));
  view.setUint32(size - 4, (total * 8) >>> 0);
  const blocks: number[][] = [];
  for (let o = 0; o < size; o += 64) {
    blocks.push(Array.from({ length: 16 }, (_, t) => view.getInt32(o + 4 * t)));
  }
  return blocks;
}

/** HMAC under a one-block key (16 words, zero tail) of a message whose padded blocks are given. */
export function hmacLanes(l: Lanes, hash: LaneHash, key: readonly V[], message: number[][]): V[] {
  let inner: V[] = hash.compress(
    l,
    hash.iv,
    key.map((k) => l.xor(k, 0x36363636)),
  );
  for (const block of message) inner = hash.compress(l, inner, block);
  const outerKey = hash.compress(
    l,
    hash.iv,
    key.map((k) => l.xor(k, 0x5c5c5c5c)),
  );
  const outerBlock: V[] = [...inner];
  outerBlock.push(0x80000000 | 0);
  while (outerBlock.length < 15) outerBlock.push(0);
  outerBlock.push((64 + 4 * hash.words) * 8);
  return hash.compress(l, outerKey, outerBlock);
}
