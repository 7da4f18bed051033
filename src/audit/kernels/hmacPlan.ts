/**
 * HMAC of one fixed message under many keys, with everything that does not depend on the key
 * done once: the message's padded inner blocks (their length is known, since the inner hash
 * always starts after one key block) and the outer block's padding and length. Per key this
 * is exactly the compressions HMAC needs: two pad blocks, the message blocks, one outer block.
 * Written over the codec's SHA cores; the scalar path of the audit and the fallback kernel.
 */
import type { HashCore } from "../../codec/crypto/core";

export class HmacPlan {
  private readonly inner: Uint8Array;
  private readonly outer: Uint8Array;
  private readonly pad: Uint8Array;
  private readonly keyHash: Uint8Array;
  private readonly si: Int32Array;
  private readonly so: Int32Array;

  constructor(
    readonly core: HashCore,
    message: Uint8Array,
  ) {
    const bs = core.blockSize;
    const lengthBytes = bs === 64 ? 8 : 16;
    this.inner = padded(message, bs, lengthBytes, bs + message.length);
    this.outer = padded(new Uint8Array(core.digestSize), bs, lengthBytes, bs + core.digestSize);
    this.pad = new Uint8Array(bs);
    this.keyHash = padded(new Uint8Array(0), bs, lengthBytes, 0);
    this.si = new Int32Array(core.initialState.length);
    this.so = new Int32Array(core.initialState.length);
  }

  /** The MAC under key `bytes[from..to)`, as state words in `out` (big-endian digest words). */
  mac(bytes: Uint8Array, from: number, to: number, out: Int32Array): void {
    const { core, pad, si, so, outer } = this;
    const bs = core.blockSize;
    let key = bytes;
    let start = from;
    let end = to;
    if (to - from > bs) {
      key = this.hashKey(bytes, from, to);
      start = 0;
      end = core.digestSize;
    }
    pad.fill(0x36);
    for (let i = start; i < end; i++) pad[i - start] = key[i]! ^ 0x36;
    si.set(core.initialState);
    core.compress(si, pad, 0);
    for (let o = 0; o < this.inner.length; o += bs) core.compress(si, this.inner, o);
    for (let i = 0; i < pad.length; i++) pad[i] = pad[i]! ^ 0x6a; // 0x36 ^ 0x5c
    so.set(core.initialState);
    core.compress(so, pad, 0);
    writeWords(si, core.digestSize, outer);
    core.compress(so, outer, 0);
    out.set(so);
  }

  /** A key longer than a block is replaced by its hash (RFC 2104). */
  private hashKey(bytes: Uint8Array, from: number, to: number): Uint8Array {
    const { core } = this;
    const whole = padded(
      bytes.subarray(from, to),
      core.blockSize,
      core.blockSize === 64 ? 8 : 16,
      0,
    );
    const state = core.initialState.slice();
    for (let o = 0; o < whole.length; o += core.blockSize) core.compress(state, whole, o);
    writeWords(state, core.digestSize, this.keyHash);
    return this.keyHash;
  }
}

/** `data`, 0x80, zeros, and the bit length of `prefixed + data` (`absorbed` counts bytes before it). */
export function padded(
  data: Uint8Array,
  bs: number,
  lengthBytes: number,
  total: number,
): Uint8Array {
  const length = total === 0 ? data.length : total;
  const size = Math.ceil((data.length + 1 + lengthBytes) / bs) * bs;
  const out = new Uint8Array(size);
  out.set(data);
  out[data.length] = 0x80;
  const bits = length * 8;
  const hi = Math.floor(bits / 0x100000000);
  const lo = bits >>> 0;
  const view = new DataView(out.buffer);
  view.setUint32(size - 8, hi);
  view.setUint32(size - 4, lo);
  return out;
}

export function writeWords(state: Int32Array, bytes: number, out: Uint8Array): void {
  for (let i = 0; i < bytes; i += 4) {
    const w = state[i >> 2]!;
    out[i] = w >>> 24;
    out[i + 1] = w >>> 16;
    out[i + 2] = w >>> 8;
    out[i + 3] = w;
  }
}
