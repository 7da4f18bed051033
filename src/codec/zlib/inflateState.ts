/**
 * The state inflate.ts and its block decoders share: input and bit reader, output buffer
 * and limit, and the decoding tables, all kept from call to call (allocating them per call
 * would cost more than inflating a cookie). Outcomes are small ints, not exceptions.
 */
import { DIST_TABLE_SIZE, LIT_TABLE_SIZE } from "./inflateTables";

export const OK = 0;
export const INVALID = 1;
export const TOO_LARGE = 2;
export type Outcome = typeof OK | typeof INVALID | typeof TOO_LARGE;

const NO_INPUT = new Uint8Array(0);
/** The output buffer a state starts with, and returns to after a big inflate. */
const START_BYTES = 16 * 1024;

export class InflateState {
  input: Uint8Array = NO_INPUT;
  /** Next input byte to load into `bits`; may run past the end (zeros are loaded there). */
  ip = 0;
  /** Buffered input bits, LSB first; `count` of them are valid. At most 30, so a small int. */
  bits = 0;
  count = 0;
  out: Uint8Array = new Uint8Array(START_BYTES);
  /** `out` as a DataView, for four-byte copies. */
  view: DataView = new DataView(this.out.buffer);
  op = 0;
  limit = 0;
  readonly lit = new Int32Array(LIT_TABLE_SIZE);
  readonly dist = new Int32Array(DIST_TABLE_SIZE);
  readonly lengths = new Uint8Array(286 + 30);
  /** Positions in `lengths` that hold a nonzero length, in order. */
  readonly present = new Uint16Array(286 + 30);
  readonly codeLengthTable = new Int32Array(1 << 7);

  /** Start on `input` with at most `limit` bytes of output. */
  reset(input: Uint8Array, limit: number): void {
    this.input = input;
    this.ip = 0;
    this.bits = 0;
    this.count = 0;
    this.op = 0;
    this.limit = limit;
  }

  /** Drop the input, and an output buffer too big to keep around. */
  release(keepBytes: number): void {
    this.input = NO_INPUT;
    if (this.out.length > keepBytes) this.setOut(new Uint8Array(START_BYTES));
  }

  setOut(out: Uint8Array): void {
    this.out = out;
    this.view = new DataView(out.buffer);
  }

  /** Load bytes until at least `n` (≤ 16) bits are buffered. */
  need(n: number): void {
    while (this.count < n) {
      const at = this.ip++;
      if (at < this.input.length) this.bits |= this.input[at]! << this.count;
      this.count += 8;
    }
  }

  /** The next `n` (≤ 16) bits, LSB first. */
  take(n: number): number {
    this.need(n);
    const v = this.bits & ((1 << n) - 1);
    this.bits >>= n;
    this.count -= n;
    return v;
  }

  /** Were more bits consumed than the input holds? (Reads past the end see zeros.) */
  overrun(): boolean {
    return (this.ip - this.input.length) * 8 > this.count;
  }

  /** How far output may go without another `reserve`: the buffer's end or the limit. */
  capacity(): number {
    return Math.min(this.out.length, this.limit);
  }

  /** Room for `need` more output bytes (growing the buffer), or false when that passes the limit. */
  reserve(need: number): boolean {
    const wanted = this.op + need;
    if (wanted > this.limit) return false;
    if (wanted > this.out.length) {
      const bigger = new Uint8Array(Math.min(this.limit, Math.max(wanted, 2 * this.out.length)));
      bigger.set(this.out.subarray(0, this.op));
      this.setOut(bigger);
    }
    return true;
  }
}
