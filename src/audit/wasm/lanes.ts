/**
 * Straight-line SIMD code over four 32-bit lanes, with constant folding: a value is either a
 * number (the same in every lane, known while generating) or a v128 local. Whatever depends
 * only on the cookie — the message schedule of its blocks, the padding, the HMAC pads of a
 * derived key's zero tail — folds into constants here, so the emitted code does only the
 * work that depends on the candidate.
 */
import { OP, SIMD, simd, sleb, uleb } from "./encode";

/** A lane value: a constant (int32) or a v128 local's index. */
export type V = number | { local: number };

/**
 * Bytes of straight-line code per hotness check. Firefox starts wasm in its baseline compiler
 * and moves a function to the optimising one once a counter, set from the function's size, runs
 * out; the counter drops at function entry and at loop heads by the loop's size / 20, but by at
 * most 127. Our run functions are one loop of tens of kilobytes, so each pass counted as 127 and
 * Firefox stayed on baseline code (5x slower) for ~1 M candidates. A one-pass `loop` around each
 * chunk of 2400 bytes (127 × 20 minus room) makes every pass count for its real size.
 */
const CHUNK_BYTES = 2400;

export class Lanes {
  readonly code: number[] = [OP.loop, OP.empty];
  /** The length of each chunk's code, for the test that keeps them under Firefox's step cap. */
  readonly chunkBytes: number[] = [];
  private next: number;
  private chunkStart = 2; // after the first chunk's `loop`
  private sealed = false;

  constructor(firstLocal: number) {
    this.next = firstLocal;
  }

  /** Close the last chunk; call once, when the stack is empty, before code that uses it. */
  seal(): void {
    if (this.sealed) throw new Error("Lanes.seal called twice");
    this.sealed = true;
    this.chunkBytes.push(this.code.length - this.chunkStart);
    this.code.push(OP.end);
  }

  get localCount(): number {
    return this.next;
  }

  /** Emit code that pushes `v` on the stack. */
  push(v: V): void {
    if (typeof v === "number") {
      const bytes: number[] = [];
      for (let i = 0; i < 4; i++)
        bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
      this.code.push(...simd(SIMD.const), ...bytes);
    } else {
      this.code.push(OP.localGet, ...uleb(v.local));
    }
  }

  /** Pop the stack into a fresh local. The stack is empty after it: a chunk may end here. */
  keep(): V {
    const local = this.next++;
    this.code.push(OP.localSet, ...uleb(local));
    if (!this.sealed && this.code.length - this.chunkStart > CHUNK_BYTES) {
      this.chunkBytes.push(this.code.length - this.chunkStart);
      this.code.push(OP.end, OP.loop, OP.empty);
      this.chunkStart = this.code.length;
    }
    return { local };
  }

  /** A v128 loaded from memory at `address local + offset`. */
  load(addressLocal: number, offset: number): V {
    this.code.push(OP.localGet, ...uleb(addressLocal), ...simd(SIMD.load), 4, ...uleb(offset));
    return this.keep();
  }

  private binary(a: V, b: V, op: number, fold: (x: number, y: number) => number): V {
    if (typeof a === "number" && typeof b === "number") return fold(a, b) | 0;
    this.push(a);
    this.push(b);
    this.code.push(...simd(op));
    return this.keep();
  }

  xor(...vs: V[]): V {
    const consts = vs.filter((v): v is number => typeof v === "number");
    const vars = vs.filter((v) => typeof v !== "number") as V[];
    const c = consts.reduce((x, y) => x ^ y, 0);
    if (vars.length === 0) return c;
    let acc = vars[0]!;
    for (const v of vars.slice(1)) acc = this.binary(acc, v, SIMD.xor, (x, y) => x ^ y);
    return c === 0 ? acc : this.binary(acc, c, SIMD.xor, (x, y) => x ^ y);
  }

  and(a: V, b: V): V {
    return this.binary(a, b, SIMD.and, (x, y) => x & y);
  }

  or(a: V, b: V): V {
    return this.binary(a, b, SIMD.or, (x, y) => x | y);
  }

  /** Sum of 32-bit words; constants are added up first. */
  add(...vs: V[]): V {
    let c = 0;
    const vars: V[] = [];
    for (const v of vs) {
      if (typeof v === "number") c = (c + v) | 0;
      else vars.push(v);
    }
    if (vars.length === 0) return c;
    let acc = vars[0]!;
    for (const v of vars.slice(1)) acc = this.binary(acc, v, SIMD.add, (x, y) => x + y);
    return c === 0 ? acc : this.binary(acc, c, SIMD.add, (x, y) => x + y);
  }

  private shift(a: V, n: number, op: number): V {
    this.push(a);
    this.code.push(OP.i32Const, ...sleb(n), ...simd(op));
    return this.keep();
  }

  shr(a: V, n: number): V {
    if (typeof a === "number") return a >>> n;
    return this.shift(a, n, SIMD.shrU);
  }

  rotl(a: V, n: number): V {
    if (typeof a === "number") return (a << n) | (a >>> (32 - n));
    this.push(a);
    this.code.push(OP.i32Const, ...sleb(n), ...simd(SIMD.shl));
    this.push(a);
    this.code.push(OP.i32Const, ...sleb(32 - n), ...simd(SIMD.shrU), ...simd(SIMD.or));
    return this.keep();
  }

  rotr(a: V, n: number): V {
    return this.rotl(a, 32 - n);
  }

  /** (x & y) | (~x & z), one bitselect. */
  ch(x: V, y: V, z: V): V {
    if (typeof x === "number" && typeof y === "number" && typeof z === "number") {
      return (x & y) | (~x & z);
    }
    this.push(y);
    this.push(z);
    this.push(x);
    this.code.push(...simd(SIMD.bitselect));
    return this.keep();
  }

  /** Majority: y where x and z differ, else x. */
  maj(x: V, y: V, z: V): V {
    if (typeof x === "number" && typeof y === "number" && typeof z === "number") {
      return (x & y) | (x & z) | (y & z);
    }
    const m = this.xor(x, z);
    this.push(y);
    this.push(x);
    this.push(m);
    this.code.push(...simd(SIMD.bitselect));
    return this.keep();
  }
}
