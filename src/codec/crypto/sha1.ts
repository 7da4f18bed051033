/**
 * SHA-1 (FIPS 180-4) in plain synchronous TypeScript. itsdangerous, Flask and Starlette sign
 * with HMAC-SHA1 by default; WebCrypto would be async and costs more per call than the whole
 * hash of a cookie, so the codec carries its own.
 *
 * The compression function is fully unrolled: the 16-word message schedule lives in local
 * variables (no array traffic) and the five working variables rotate roles from round to round
 * instead of being shifted. In V8 this hashes about twice as fast as the rolled loop, and a
 * cookie check hashes its whole body. One line per round, in the specification's order:
 * `e += rotl5(a) + f(b, c, d) + K + w; b = rotl30(b)`, then the names shift by one.
 */
import type { HashCore } from "./core";

// biome-ignore format: one line per round, so the unrolled rounds read like the specification
function compress(state: Int32Array, bytes: Uint8Array, o: number): void {
  let w0 = (bytes[o + 0]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!;
  let w1 = (bytes[o + 4]! << 24) | (bytes[o + 5]! << 16) | (bytes[o + 6]! << 8) | bytes[o + 7]!;
  let w2 = (bytes[o + 8]! << 24) | (bytes[o + 9]! << 16) | (bytes[o + 10]! << 8) | bytes[o + 11]!;
  let w3 = (bytes[o + 12]! << 24) | (bytes[o + 13]! << 16) | (bytes[o + 14]! << 8) | bytes[o + 15]!;
  let w4 = (bytes[o + 16]! << 24) | (bytes[o + 17]! << 16) | (bytes[o + 18]! << 8) | bytes[o + 19]!;
  let w5 = (bytes[o + 20]! << 24) | (bytes[o + 21]! << 16) | (bytes[o + 22]! << 8) | bytes[o + 23]!;
  let w6 = (bytes[o + 24]! << 24) | (bytes[o + 25]! << 16) | (bytes[o + 26]! << 8) | bytes[o + 27]!;
  let w7 = (bytes[o + 28]! << 24) | (bytes[o + 29]! << 16) | (bytes[o + 30]! << 8) | bytes[o + 31]!;
  let w8 = (bytes[o + 32]! << 24) | (bytes[o + 33]! << 16) | (bytes[o + 34]! << 8) | bytes[o + 35]!;
  let w9 = (bytes[o + 36]! << 24) | (bytes[o + 37]! << 16) | (bytes[o + 38]! << 8) | bytes[o + 39]!;
  let w10 = (bytes[o + 40]! << 24) | (bytes[o + 41]! << 16) | (bytes[o + 42]! << 8) | bytes[o + 43]!;
  let w11 = (bytes[o + 44]! << 24) | (bytes[o + 45]! << 16) | (bytes[o + 46]! << 8) | bytes[o + 47]!;
  let w12 = (bytes[o + 48]! << 24) | (bytes[o + 49]! << 16) | (bytes[o + 50]! << 8) | bytes[o + 51]!;
  let w13 = (bytes[o + 52]! << 24) | (bytes[o + 53]! << 16) | (bytes[o + 54]! << 8) | bytes[o + 55]!;
  let w14 = (bytes[o + 56]! << 24) | (bytes[o + 57]! << 16) | (bytes[o + 58]! << 8) | bytes[o + 59]!;
  let w15 = (bytes[o + 60]! << 24) | (bytes[o + 61]! << 16) | (bytes[o + 62]! << 8) | bytes[o + 63]!;
  let a = state[0]!; let b = state[1]!; let c = state[2]!; let d = state[3]!; let e = state[4]!;
  let x: number;
  // rounds 0-19: f = choose(b, c, d)
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + w0) | 0; b = (b << 30) | (b >>> 2);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + 0x5a827999 + w1) | 0; a = (a << 30) | (a >>> 2);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + 0x5a827999 + w2) | 0; e = (e << 30) | (e >>> 2);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + 0x5a827999 + w3) | 0; d = (d << 30) | (d >>> 2);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + 0x5a827999 + w4) | 0; c = (c << 30) | (c >>> 2);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + w5) | 0; b = (b << 30) | (b >>> 2);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + 0x5a827999 + w6) | 0; a = (a << 30) | (a >>> 2);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + 0x5a827999 + w7) | 0; e = (e << 30) | (e >>> 2);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + 0x5a827999 + w8) | 0; d = (d << 30) | (d >>> 2);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + 0x5a827999 + w9) | 0; c = (c << 30) | (c >>> 2);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + w10) | 0; b = (b << 30) | (b >>> 2);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + 0x5a827999 + w11) | 0; a = (a << 30) | (a >>> 2);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + 0x5a827999 + w12) | 0; e = (e << 30) | (e >>> 2);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + 0x5a827999 + w13) | 0; d = (d << 30) | (d >>> 2);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + 0x5a827999 + w14) | 0; c = (c << 30) | (c >>> 2);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + w15) | 0; b = (b << 30) | (b >>> 2);
  x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + 0x5a827999 + w0) | 0; a = (a << 30) | (a >>> 2);
  x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + 0x5a827999 + w1) | 0; e = (e << 30) | (e >>> 2);
  x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + 0x5a827999 + w2) | 0; d = (d << 30) | (d >>> 2);
  x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + 0x5a827999 + w3) | 0; c = (c << 30) | (c >>> 2);
  // rounds 20-39: f = parity
  x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + w4) | 0; b = (b << 30) | (b >>> 2);
  x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0x6ed9eba1 + w5) | 0; a = (a << 30) | (a >>> 2);
  x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0x6ed9eba1 + w6) | 0; e = (e << 30) | (e >>> 2);
  x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0x6ed9eba1 + w7) | 0; d = (d << 30) | (d >>> 2);
  x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0x6ed9eba1 + w8) | 0; c = (c << 30) | (c >>> 2);
  x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + w9) | 0; b = (b << 30) | (b >>> 2);
  x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0x6ed9eba1 + w10) | 0; a = (a << 30) | (a >>> 2);
  x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0x6ed9eba1 + w11) | 0; e = (e << 30) | (e >>> 2);
  x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0x6ed9eba1 + w12) | 0; d = (d << 30) | (d >>> 2);
  x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0x6ed9eba1 + w13) | 0; c = (c << 30) | (c >>> 2);
  x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + w14) | 0; b = (b << 30) | (b >>> 2);
  x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0x6ed9eba1 + w15) | 0; a = (a << 30) | (a >>> 2);
  x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0x6ed9eba1 + w0) | 0; e = (e << 30) | (e >>> 2);
  x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0x6ed9eba1 + w1) | 0; d = (d << 30) | (d >>> 2);
  x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0x6ed9eba1 + w2) | 0; c = (c << 30) | (c >>> 2);
  x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + w3) | 0; b = (b << 30) | (b >>> 2);
  x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0x6ed9eba1 + w4) | 0; a = (a << 30) | (a >>> 2);
  x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0x6ed9eba1 + w5) | 0; e = (e << 30) | (e >>> 2);
  x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0x6ed9eba1 + w6) | 0; d = (d << 30) | (d >>> 2);
  x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0x6ed9eba1 + w7) | 0; c = (c << 30) | (c >>> 2);
  // rounds 40-59: f = majority
  x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + w8) | 0; b = (b << 30) | (b >>> 2);
  x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + 0x8f1bbcdc + w9) | 0; a = (a << 30) | (a >>> 2);
  x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + 0x8f1bbcdc + w10) | 0; e = (e << 30) | (e >>> 2);
  x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + 0x8f1bbcdc + w11) | 0; d = (d << 30) | (d >>> 2);
  x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + 0x8f1bbcdc + w12) | 0; c = (c << 30) | (c >>> 2);
  x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + w13) | 0; b = (b << 30) | (b >>> 2);
  x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + 0x8f1bbcdc + w14) | 0; a = (a << 30) | (a >>> 2);
  x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + 0x8f1bbcdc + w15) | 0; e = (e << 30) | (e >>> 2);
  x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + 0x8f1bbcdc + w0) | 0; d = (d << 30) | (d >>> 2);
  x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + 0x8f1bbcdc + w1) | 0; c = (c << 30) | (c >>> 2);
  x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + w2) | 0; b = (b << 30) | (b >>> 2);
  x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + 0x8f1bbcdc + w3) | 0; a = (a << 30) | (a >>> 2);
  x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + 0x8f1bbcdc + w4) | 0; e = (e << 30) | (e >>> 2);
  x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + 0x8f1bbcdc + w5) | 0; d = (d << 30) | (d >>> 2);
  x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + 0x8f1bbcdc + w6) | 0; c = (c << 30) | (c >>> 2);
  x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + w7) | 0; b = (b << 30) | (b >>> 2);
  x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + 0x8f1bbcdc + w8) | 0; a = (a << 30) | (a >>> 2);
  x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + 0x8f1bbcdc + w9) | 0; e = (e << 30) | (e >>> 2);
  x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + 0x8f1bbcdc + w10) | 0; d = (d << 30) | (d >>> 2);
  x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + 0x8f1bbcdc + w11) | 0; c = (c << 30) | (c >>> 2);
  // rounds 60-79: f = parity
  x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0xca62c1d6 + w12) | 0; b = (b << 30) | (b >>> 2);
  x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0xca62c1d6 + w13) | 0; a = (a << 30) | (a >>> 2);
  x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0xca62c1d6 + w14) | 0; e = (e << 30) | (e >>> 2);
  x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0xca62c1d6 + w15) | 0; d = (d << 30) | (d >>> 2);
  x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0xca62c1d6 + w0) | 0; c = (c << 30) | (c >>> 2);
  x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0xca62c1d6 + w1) | 0; b = (b << 30) | (b >>> 2);
  x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0xca62c1d6 + w2) | 0; a = (a << 30) | (a >>> 2);
  x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0xca62c1d6 + w3) | 0; e = (e << 30) | (e >>> 2);
  x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0xca62c1d6 + w4) | 0; d = (d << 30) | (d >>> 2);
  x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0xca62c1d6 + w5) | 0; c = (c << 30) | (c >>> 2);
  x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0xca62c1d6 + w6) | 0; b = (b << 30) | (b >>> 2);
  x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0xca62c1d6 + w7) | 0; a = (a << 30) | (a >>> 2);
  x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0xca62c1d6 + w8) | 0; e = (e << 30) | (e >>> 2);
  x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0xca62c1d6 + w9) | 0; d = (d << 30) | (d >>> 2);
  x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0xca62c1d6 + w10) | 0; c = (c << 30) | (c >>> 2);
  x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31);
  e = (e + ((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0xca62c1d6 + w11) | 0; b = (b << 30) | (b >>> 2);
  x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31);
  d = (d + ((e << 5) | (e >>> 27)) + (a ^ b ^ c) + 0xca62c1d6 + w12) | 0; a = (a << 30) | (a >>> 2);
  x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31);
  c = (c + ((d << 5) | (d >>> 27)) + (e ^ a ^ b) + 0xca62c1d6 + w13) | 0; e = (e << 30) | (e >>> 2);
  x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31);
  b = (b + ((c << 5) | (c >>> 27)) + (d ^ e ^ a) + 0xca62c1d6 + w14) | 0; d = (d << 30) | (d >>> 2);
  x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31);
  a = (a + ((b << 5) | (b >>> 27)) + (c ^ d ^ e) + 0xca62c1d6 + w15) | 0; c = (c << 30) | (c >>> 2);
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
}

export const SHA1: HashCore = {
  blockSize: 64,
  digestSize: 20,
  initialState: Int32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0),
  compress,
};
