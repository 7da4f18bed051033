/**
 * SHA-512 (FIPS 180-4) in plain synchronous TypeScript, for itsdangerous apps configured with
 * it. 64-bit words are pairs of 32-bit halves (high, low) instead of BigInt, which would be
 * far slower; sums are done in 16-bit limbs so V8 keeps every value a 32-bit integer.
 */
import type { HashCore } from "./core";

/** Round constants as (high, low) pairs. */
// biome-ignore format: a table of constants reads best eight to a line
const ROUND_CONSTANTS = Int32Array.of(
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
);

/**
 * The compression function, with its message schedule in a closure: a module-level scratch
 * array would become a bundler `var`, which V8 optimises noticeably worse.
 */
function makeCompress(k: Int32Array): HashCore["compress"] {
  const w = new Int32Array(160);
  return (state, bytes, offset) => {
    for (let i = 0; i < 32; i++) {
      const o = offset + 4 * i;
      w[i] = (bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!;
    }
    // Sums use 16-bit limbs (q0 lowest … q3 highest) so everything stays in 32-bit integers.
    let q0: number;
    let q1: number;
    let q2: number;
    let q3: number;
    for (let i = 32; i < 160; i += 2) {
      // sigma0(w[t-15]) = ROTR 1 ^ ROTR 8 ^ SHR 7
      let h = w[i - 30]!;
      let l = w[i - 29]!;
      const s0h = ((h >>> 1) | (l << 31)) ^ ((h >>> 8) | (l << 24)) ^ (h >>> 7);
      const s0l = ((l >>> 1) | (h << 31)) ^ ((l >>> 8) | (h << 24)) ^ ((l >>> 7) | (h << 25));
      // sigma1(w[t-2]) = ROTR 19 ^ ROTR 61 ^ SHR 6
      h = w[i - 4]!;
      l = w[i - 3]!;
      const s1h = ((h >>> 19) | (l << 13)) ^ ((l >>> 29) | (h << 3)) ^ (h >>> 6);
      const s1l = ((l >>> 19) | (h << 13)) ^ ((h >>> 29) | (l << 3)) ^ ((l >>> 6) | (h << 26));
      const h7 = w[i - 14]!;
      const l7 = w[i - 13]!;
      const h16 = w[i - 32]!;
      const l16 = w[i - 31]!;
      q0 = (s0l & 0xffff) + (s1l & 0xffff) + (l7 & 0xffff) + (l16 & 0xffff);
      q1 = (s0l >>> 16) + (s1l >>> 16) + (l7 >>> 16) + (l16 >>> 16) + (q0 >>> 16);
      q2 = (s0h & 0xffff) + (s1h & 0xffff) + (h7 & 0xffff) + (h16 & 0xffff) + (q1 >>> 16);
      q3 = (s0h >>> 16) + (s1h >>> 16) + (h7 >>> 16) + (h16 >>> 16) + (q2 >>> 16);
      w[i] = (q2 & 0xffff) | (q3 << 16);
      w[i + 1] = (q0 & 0xffff) | (q1 << 16);
    }
    let ah = state[0]!;
    let al = state[1]!;
    let bh = state[2]!;
    let bl = state[3]!;
    let ch = state[4]!;
    let cl = state[5]!;
    let dh = state[6]!;
    let dl = state[7]!;
    let eh = state[8]!;
    let el = state[9]!;
    let fh = state[10]!;
    let fl = state[11]!;
    let gh = state[12]!;
    let gl = state[13]!;
    let hh = state[14]!;
    let hl = state[15]!;
    for (let i = 0; i < 160; i += 2) {
      // T1 = h + Sigma1(e) + Ch(e, f, g) + K[t] + W[t]; Sigma1 = ROTR 14 ^ ROTR 18 ^ ROTR 41
      let xh = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      let xl = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      let yh = (eh & fh) ^ (~eh & gh);
      let yl = (el & fl) ^ (~el & gl);
      const kh = k[i]!;
      const kl = k[i + 1]!;
      const wh = w[i]!;
      const wl = w[i + 1]!;
      q0 = (hl & 0xffff) + (xl & 0xffff) + (yl & 0xffff) + (kl & 0xffff) + (wl & 0xffff);
      q1 = (hl >>> 16) + (xl >>> 16) + (yl >>> 16) + (kl >>> 16) + (wl >>> 16) + (q0 >>> 16);
      q2 =
        (hh & 0xffff) + (xh & 0xffff) + (yh & 0xffff) + (kh & 0xffff) + (wh & 0xffff) + (q1 >>> 16);
      q3 = (hh >>> 16) + (xh >>> 16) + (yh >>> 16) + (kh >>> 16) + (wh >>> 16) + (q2 >>> 16);
      const t1h = (q2 & 0xffff) | (q3 << 16);
      const t1l = (q0 & 0xffff) | (q1 << 16);
      // T2 = Sigma0(a) + Maj(a, b, c); Sigma0 = ROTR 28 ^ ROTR 34 ^ ROTR 39
      xh = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      xl = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      yh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      yl = (al & bl) ^ (al & cl) ^ (bl & cl);
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      // e = d + T1
      q0 = (dl & 0xffff) + (t1l & 0xffff);
      q1 = (dl >>> 16) + (t1l >>> 16) + (q0 >>> 16);
      q2 = (dh & 0xffff) + (t1h & 0xffff) + (q1 >>> 16);
      q3 = (dh >>> 16) + (t1h >>> 16) + (q2 >>> 16);
      eh = (q2 & 0xffff) | (q3 << 16);
      el = (q0 & 0xffff) | (q1 << 16);
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      // a = T1 + T2
      q0 = (t1l & 0xffff) + (xl & 0xffff) + (yl & 0xffff);
      q1 = (t1l >>> 16) + (xl >>> 16) + (yl >>> 16) + (q0 >>> 16);
      q2 = (t1h & 0xffff) + (xh & 0xffff) + (yh & 0xffff) + (q1 >>> 16);
      q3 = (t1h >>> 16) + (xh >>> 16) + (yh >>> 16) + (q2 >>> 16);
      ah = (q2 & 0xffff) | (q3 << 16);
      al = (q0 & 0xffff) | (q1 << 16);
    }
    addPair(state, 0, ah, al);
    addPair(state, 2, bh, bl);
    addPair(state, 4, ch, cl);
    addPair(state, 6, dh, dl);
    addPair(state, 8, eh, el);
    addPair(state, 10, fh, fl);
    addPair(state, 12, gh, gl);
    addPair(state, 14, hh, hl);
  };
}

/** state[i..i+1] += (high, low), modulo 2^64. */
function addPair(state: Int32Array, i: number, high: number, low: number): void {
  const sum = (state[i + 1]! >>> 0) + (low >>> 0);
  state[i] = (state[i]! + high + (sum > 0xffffffff ? 1 : 0)) | 0;
  state[i + 1] = sum | 0;
}

export const SHA512: HashCore = {
  blockSize: 128,
  digestSize: 64,
  // biome-ignore format: eight 64-bit words as (high, low) pairs
  initialState: Int32Array.of(
    0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
    0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
  ),
  compress: makeCompress(ROUND_CONSTANTS),
};
