/**
 * The contract every audit kernel meets (pure JS, WebAssembly SIMD): given a batch of candidates
 * as one byte buffer plus spans, say which ones might verify. A kernel only compares the MAC's
 * first 32 bits; the engine confirms each hit with the codec's ordinary decode, so a kernel can
 * be fast without ever producing a false positive.
 */
export interface Kernel {
  readonly name: "js" | "wasm-simd";
  /**
   * Candidate i is `bytes[spans[2i] .. spans[2i + 1])`, for i < count. Pushes onto `hits` the
   * indexes whose MAC's first 32 bits equal the expected one's, in increasing order.
   */
  run(bytes: Uint8Array, spans: Int32Array, count: number, hits: number[]): void;
}
