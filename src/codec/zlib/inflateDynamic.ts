/**
 * The header of a dynamic block (RFC 1951 §3.2.7): the code-length code, then the literal/
 * length and distance code lengths it encodes, built into the state's tables with zlib's
 * checks (too many codes, a repeat with nothing before it, a run past the end, no end-of-block
 * code). Zero runs only skip ahead, and the lengths that are set are listed as they are read,
 * so building the tables never scans all 316 lengths.
 */

import type { InflateState } from "./inflateState";
import {
  buildTable,
  DIST_PAYLOAD,
  DIST_ROOT,
  LIT_PAYLOAD,
  LIT_ROOT,
  PLAIN_PAYLOAD,
  rootBits,
} from "./inflateTables";

// biome-ignore format: the order from RFC 1951 §3.2.7
/** Order in which a dynamic block lists the code-length code lengths. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * Read the header into `s.lit` and `s.dist`; returns their shapes packed as
 * `lit | dist << 8`, or -1 where zlib reports a data error.
 */
export function readDynamicTables(s: InflateState): number {
  const litCount = s.take(5) + 257;
  const distCount = s.take(5) + 1;
  const codeLengthCount = s.take(4) + 4;
  if (litCount > 286 || distCount > 30) return -1;
  const lengths = s.lengths;
  const present = s.present;
  lengths.fill(0, 0, 19);
  for (let i = 0; i < codeLengthCount; i++) lengths[CODE_LENGTH_ORDER[i]!] = s.take(3);
  let coded = 0;
  for (let symbol = 0; symbol < 19; symbol++) if (lengths[symbol] !== 0) present[coded++] = symbol;
  const clTable = s.codeLengthTable;
  const cl = buildTable(lengths, 0, present, 0, coded, clTable, 7, PLAIN_PAYLOAD, true);
  if (cl < 0) return -1;
  const mask = (1 << rootBits(cl)) - 1;
  const total = litCount + distCount;
  // Zero runs only skip ahead; nonzero lengths are also listed, so buildTable need not scan.
  lengths.fill(0, 0, total);
  coded = 0;
  const input = s.input;
  const inLength = input.length;
  let ip = s.ip;
  let bits = s.bits;
  let count = s.count;
  for (let i = 0; i < total; ) {
    // Enough bits for a code (≤ 7) and its repeat count (≤ 7).
    while (count < 14) {
      if (ip < inLength) bits |= input[ip]! << count;
      ip++;
      count += 8;
    }
    const entry = clTable[bits & mask]!;
    const codeLength = entry & 15;
    bits >>= codeLength;
    count -= codeLength;
    const symbol = entry >> 10;
    if (symbol < 16) {
      if (symbol !== 0) {
        lengths[i] = symbol;
        present[coded++] = i;
      }
      i++;
      continue;
    }
    let repeat: number;
    if (symbol === 16) {
      repeat = 3 + (bits & 3);
      bits >>= 2;
      count -= 2;
    } else if (symbol === 17) {
      repeat = 3 + (bits & 7);
      bits >>= 3;
      count -= 3;
    } else {
      repeat = 11 + (bits & 127);
      bits >>= 7;
      count -= 7;
    }
    if (i + repeat > total) return -1;
    if (symbol === 16) {
      if (i === 0) return -1;
      const previous = lengths[i - 1]!;
      if (previous !== 0) {
        for (let j = i; j < i + repeat; j++) {
          lengths[j] = previous;
          present[coded++] = j;
        }
      }
    }
    i += repeat;
  }
  s.ip = ip;
  s.bits = bits;
  s.count = count;
  if (s.overrun() || lengths[256] === 0) return -1;
  let litCoded = 0;
  while (litCoded < coded && present[litCoded]! < litCount) litCoded++;
  const lit = buildTable(lengths, 0, present, 0, litCoded, s.lit, LIT_ROOT, LIT_PAYLOAD, false);
  const dist = buildTable(
    lengths,
    litCount,
    present,
    litCoded,
    coded,
    s.dist,
    DIST_ROOT,
    DIST_PAYLOAD,
    false,
  );
  if (lit < 0 || dist < 0) return -1;
  return lit | (dist << 8);
}
