/**
 * The data of one compressed block: literal/length and distance codes until end-of-block.
 * This loop is where inflating spends its time, so it runs on local copies of the state, reads
 * each symbol with one table lookup (two for long codes), refills the bit buffer two bytes at a
 * time and copies matches four bytes at a time where they do not overlap. Reading past the input
 * sees zeros; a symbol that used such bits means the stream was truncated.
 */

import { INVALID, type InflateState, OK, type Outcome, TOO_LARGE } from "./inflateState";
import { END, INVALID_FLAG, LINK, rootBits, subBits, type TableShape } from "./inflateTables";

/** Decode one block's data into `s.out`; the tables are the block's (fixed or dynamic) codes. */
export function inflateCodes(
  s: InflateState,
  lit: Int32Array,
  litShape: TableShape,
  dist: Int32Array,
  distShape: TableShape,
): Outcome {
  const input = s.input;
  const inLength = input.length;
  const litRoot = rootBits(litShape);
  const litMask = (1 << litRoot) - 1;
  const litSubMask = (1 << subBits(litShape)) - 1;
  const distRoot = rootBits(distShape);
  const distMask = (1 << distRoot) - 1;
  const distSubMask = (1 << subBits(distShape)) - 1;
  let out = s.out;
  let cap = s.capacity();
  let op = s.op;
  let ip = s.ip;
  let bits = s.bits;
  let count = s.count;
  let outcome: Outcome = INVALID;
  for (;;) {
    // At least 15 bits (the longest code), at most 30: `bits` stays a small int.
    if (count < 15) {
      if (ip + 1 < inLength) {
        bits |= (input[ip]! | (input[ip + 1]! << 8)) << count;
        ip += 2;
        count += 16;
      } else {
        while (count < 15) {
          if (ip < inLength) bits |= input[ip]! << count;
          ip++;
          count += 8;
        }
      }
    }
    let entry = lit[bits & litMask]!;
    if ((entry & LINK) === LINK) entry = lit[(entry >> 10) + ((bits >> litRoot) & litSubMask)]!;
    const codeLength = entry & 15; // 0 for NO_CODE, which stops below
    bits >>= codeLength;
    count -= codeLength;
    if (ip > inLength && (ip - inLength) * 8 > count) break; // truncated
    if ((entry & LINK) === 0) {
      if (op === cap) {
        s.op = op;
        if (!s.reserve(1)) {
          outcome = TOO_LARGE;
          break;
        }
        out = s.out;
        cap = s.capacity();
      }
      out[op++] = entry >> 10;
      continue;
    }
    if (entry & END) {
      if ((entry & INVALID_FLAG) === 0) outcome = OK;
      break;
    }
    const lengthExtra = (entry >> 4) & 15;
    while (count < lengthExtra) {
      if (ip < inLength) bits |= input[ip]! << count;
      ip++;
      count += 8;
    }
    const length = (entry >> 10) + (bits & ((1 << lengthExtra) - 1));
    bits >>= lengthExtra;
    count -= lengthExtra;
    while (count < 15) {
      if (ip < inLength) bits |= input[ip]! << count;
      ip++;
      count += 8;
    }
    entry = dist[bits & distMask]!;
    if ((entry & LINK) === LINK) entry = dist[(entry >> 10) + ((bits >> distRoot) & distSubMask)]!;
    if (entry & END) break; // NO_CODE: distances have no other ends
    const distLength = entry & 15;
    bits >>= distLength;
    count -= distLength;
    const distExtra = (entry >> 4) & 15;
    while (count < distExtra) {
      if (ip < inLength) bits |= input[ip]! << count;
      ip++;
      count += 8;
    }
    const distance = (entry >> 10) + (bits & ((1 << distExtra) - 1));
    bits >>= distExtra;
    count -= distExtra;
    if (ip > inLength && (ip - inLength) * 8 > count) break; // truncated
    if (distance > op) break; // zlib: "invalid distance too far back"
    if (op + length > cap) {
      s.op = op;
      if (!s.reserve(length)) {
        outcome = TOO_LARGE;
        break;
      }
      out = s.out;
      cap = s.capacity();
    }
    let from = op - distance;
    const end = op + length;
    if (distance >= 4 && end + 3 <= out.length) {
      const view = s.view;
      do {
        view.setInt32(op, view.getInt32(from));
        op += 4;
        from += 4;
      } while (op < end);
      op = end;
    } else {
      while (op < end) out[op++] = out[from++]!;
    }
  }
  s.op = op;
  s.ip = ip;
  s.bits = bits;
  s.count = count;
  return outcome;
}
