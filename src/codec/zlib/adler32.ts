/**
 * Adler-32 (RFC 1950 §8.2), the checksum closing every zlib stream: CPython refuses a stream
 * whose checksum does not match, so the inflater checks it too. Eight bytes per step, with the
 * sums reduced often enough to stay within int32.
 */
/** Adler-32 of `b[0, n)`, as an unsigned number. Sums are reduced often enough to stay int32. */
export function adler32(b: Uint8Array, n: number): number {
  let a = 1;
  let s = 0;
  let i = 0;
  while (i < n) {
    const end = Math.min(i + 2048, n);
    const end8 = end - ((end - i) & 7);
    for (; i < end8; i += 8) {
      const b0 = b[i]!;
      const b1 = b[i + 1]!;
      const b2 = b[i + 2]!;
      const b3 = b[i + 3]!;
      const b4 = b[i + 4]!;
      const b5 = b[i + 5]!;
      const b6 = b[i + 6]!;
      const b7 = b[i + 7]!;
      s = (s + 8 * a + 8 * b0 + 7 * b1 + 6 * b2 + 5 * b3 + 4 * b4 + 3 * b5 + 2 * b6 + b7) | 0;
      a = (a + b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7) | 0;
    }
    for (; i < end; i++) {
      a += b[i]!;
      s += a;
    }
    a %= 65521;
    s %= 65521;
  }
  return s * 65536 + a;
}
