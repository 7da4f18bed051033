/**
 * The Merkle–Damgård frame shared by SHA-1, SHA-256 and SHA-512: whole blocks go through the
 * hash's compression function, the tail is padded (0x80, zeros, big-endian bit length) and the
 * state words are written out big-endian.
 *
 * `digestInto` continues from any saved state, which is what lets HMAC absorb its padded key
 * blocks once per key and then hash each message from those states without copying them.
 * It allocates nothing: a cookie check runs it twice and allocation was a third of its cost.
 */

export interface HashCore {
  readonly blockSize: 64 | 128;
  readonly digestSize: number;
  /** The standard initial state, as 32-bit words (SHA-512: high/low pairs). Never mutated. */
  readonly initialState: Int32Array;
  /** Absorb the block `bytes[offset .. offset + blockSize)` into `state`. */
  compress(state: Int32Array, bytes: Uint8Array, offset: number): void;
}

/** Scratch: the padded tail (at most two blocks of the largest size) and the working state. */
const tail = new Uint8Array(256);
const working = new Int32Array(16);

/**
 * Writes to `out` (digestSize bytes) the digest of: whatever `state` absorbed (`absorbed`
 * bytes, whole blocks), then `data`. `state` is left untouched; `out` may not alias `data`.
 */
export function digestInto(
  core: HashCore,
  state: Int32Array,
  absorbed: number,
  data: Uint8Array,
  out: Uint8Array,
): void {
  const { blockSize } = core;
  const words = state.length;
  for (let i = 0; i < words; i++) working[i] = state[i]!;
  const whole = data.length - (data.length % blockSize);
  for (let offset = 0; offset < whole; offset += blockSize) core.compress(working, data, offset);

  const rest = data.length - whole;
  const tailLength =
    rest + 1 + (blockSize === 64 ? 8 : 16) <= blockSize ? blockSize : 2 * blockSize;
  for (let i = 0; i < rest; i++) tail[i] = data[whole + i]!;
  tail[rest] = 0x80;
  tail.fill(0, rest + 1, tailLength - 8);
  const totalBytes = absorbed + data.length;
  writeWord(tail, tailLength - 8, Math.floor(totalBytes / 0x20000000)); // bits above the low 32
  writeWord(tail, tailLength - 4, (totalBytes * 8) >>> 0);
  core.compress(working, tail, 0);
  if (tailLength > blockSize) core.compress(working, tail, blockSize);

  for (let i = 0; i < core.digestSize; i += 4) writeWord(out, i, working[i >> 2]!);
}

/** The digest of `data` after what `state` absorbed, in a new array. */
export function digestFrom(
  core: HashCore,
  state: Int32Array,
  absorbed: number,
  data: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(core.digestSize);
  digestInto(core, state, absorbed, data, out);
  return out;
}

/** Absorb whole blocks (HMAC key pads) into a copy of the initial state. */
export function absorbBlocks(core: HashCore, blocks: Uint8Array): Int32Array {
  const state = core.initialState.slice();
  for (let offset = 0; offset < blocks.length; offset += core.blockSize) {
    core.compress(state, blocks, offset);
  }
  return state;
}

function writeWord(bytes: Uint8Array, offset: number, word: number): void {
  bytes[offset] = word >>> 24;
  bytes[offset + 1] = word >>> 16;
  bytes[offset + 2] = word >>> 8;
  bytes[offset + 3] = word;
}
