/**
 * Huffman decoding tables for inflate.ts (RFC 1951 §3.2), with zlib's rules for which code
 * sets are acceptable, since a cookie is valid or not according to what CPython's zlib says.
 *
 * A table is a root level indexed by the next `root` input bits (LSB first, as deflate packs
 * codes) plus, for codes longer than `root` bits, one sub-table per root prefix indexed by the
 * next `sub` bits. Entries are int32s that say everything the decoding loop needs, so a symbol
 * costs one or two array reads and no further lookups:
 *   bits 0–3   the code's length in bits (consumed in one go; 0 for NO_CODE)
 *   bits 4–7   extra bits to read after a length or distance code; INVALID_FLAG in NO_CODE
 *   bits 8–9   kind: 0 (literal, distance or plain symbol), LENGTH, END or LINK
 *   bits 10–   the literal byte, base length, base distance or symbol; for LINK, the sub-table
 * The root is at most 9 bits for literals/lengths and 7 for distances (zlib uses 9 and 6): big
 * enough that nearly every symbol takes one read, small enough to fill per dynamic block.
 */

// biome-ignore format: a table from RFC 1951 §3.2.5
/** Length symbols 257..285: base length and extra bits. 286 and 287 are invalid. */
export const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
// biome-ignore format: a table from RFC 1951 §3.2.5
export const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
// biome-ignore format: a table from RFC 1951 §3.2.5
/** Distance symbols 0..29: base distance and extra bits. 30 and 31 are invalid. */
export const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
// biome-ignore format: a table from RFC 1951 §3.2.5
export const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

export const LIT_ROOT = 9;
export const DIST_ROOT = 7;
/** Room for the worst case: a full root plus one 2^(15 - root) sub-table per symbol. */
export const LIT_TABLE_SIZE = (1 << LIT_ROOT) + 288 * (1 << (15 - LIT_ROOT));
export const DIST_TABLE_SIZE = (1 << DIST_ROOT) + 32 * (1 << (15 - DIST_ROOT));

/**
 * What a build produced: the root and sub-table widths in bits, packed as `root | sub << 4`
 * (a number, not an object: a dynamic block builds three tables), or -1 for refused lengths.
 */
export type TableShape = number;
export const rootBits = (shape: TableShape) => shape & 15;
export const subBits = (shape: TableShape) => shape >> 4;

const counts = new Uint16Array(16);
const nextCode = new Uint16Array(16);
const REVERSED_BYTE = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let r = 0;
  for (let bit = 0; bit < 8; bit++) r |= ((i >> bit) & 1) << (7 - bit);
  REVERSED_BYTE[i] = r;
}

/**
 * Fill `table` for a code and return its shape, or -1 when zlib's inflate_table refuses the
 * lengths: over-subscribed, or incomplete, except (for literal/length and distance codes) a
 * single one-bit code. With no codes at all every entry is invalid — what zlib does for
 * distances; for code-length codes (`strict`) it is refused, since such a block can only end
 * in zlib's "missing end-of-block" error. The code's symbols are `present[from, to)`: the
 * positions in `lengths` with a nonzero length, ascending, symbol 0 being at `start`.
 */
export function buildTable(
  lengths: Uint8Array,
  start: number,
  present: Uint16Array,
  from: number,
  to: number,
  table: Int32Array,
  maxRoot: number,
  payload: Int32Array,
  strict: boolean,
): TableShape {
  counts.fill(0);
  for (let k = from; k < to; k++) counts[lengths[present[k]!]!]!++;
  let max = 15;
  while (max > 0 && counts[max] === 0) max--;
  if (max === 0) {
    if (strict) return -1;
    table[0] = NO_CODE;
    table[1] = NO_CODE;
    return 1; // root 1, no sub-tables
  }
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - counts[len]!;
    if (left < 0) return -1; // over-subscribed
  }
  if (left > 0 && (strict || max !== 1)) return -1; // incomplete
  let code = 0;
  for (let len = 1; len <= max; len++) {
    code = (code + counts[len - 1]!) << 1;
    nextCode[len] = code;
  }
  const root = Math.min(max, maxRoot);
  const sub = max - root;
  const rootSize = 1 << root;
  // A complete code without sub-tables writes every root entry; otherwise start from "invalid".
  if (left > 0 || sub > 0) table.fill(NO_CODE, 0, rootSize);
  let used = rootSize;
  for (let k = from; k < to; k++) {
    const position = present[k]!;
    const symbol = position - start;
    const len = lengths[position]!;
    const c = nextCode[len]!++;
    const reversed = ((REVERSED_BYTE[c & 255]! << 8) | REVERSED_BYTE[c >> 8]!) >> (16 - len);
    const meaning = payload[symbol]!;
    const entry = meaning < 0 ? NO_CODE : meaning | len;
    if (len <= root) {
      for (let i = reversed; i < rootSize; i += 1 << len) table[i] = entry;
      continue;
    }
    const prefix = reversed & (rootSize - 1);
    let link = table[prefix]!;
    if ((link & LINK) !== LINK) {
      link = (used << 10) | LINK;
      table[prefix] = link;
      table.fill(NO_CODE, used, used + (1 << sub));
      used += 1 << sub;
    }
    const offset = link >> 10;
    for (let i = reversed >> root; i < 1 << sub; i += 1 << (len - root)) table[offset + i] = entry;
  }
  return root | (sub << 4);
}

/** Entry kinds (bits 8-9); a literal, a distance or a plain symbol has kind 0. */
export const LENGTH = 0x100;
export const END = 0x200;
export const LINK = 0x300;
/** Entries without a code (zlib's "invalid code" errors) are ends of block with this flag. */
export const INVALID_FLAG = 0x80;
export const NO_CODE = END | INVALID_FLAG;

/** What each symbol decodes to, without its code length; -1 marks symbols zlib calls invalid. */
export const PLAIN_PAYLOAD = Int32Array.from({ length: 19 }, (_, s) => s << 10);
export const LIT_PAYLOAD = Int32Array.from({ length: 288 }, (_, s) => {
  if (s < 256) return s << 10;
  if (s === 256) return END;
  if (s >= 286) return -1;
  return (LENGTH_BASE[s - 257]! << 10) | LENGTH | (LENGTH_EXTRA[s - 257]! << 4);
});
export const DIST_PAYLOAD = Int32Array.from({ length: 32 }, (_, s) =>
  s >= 30 ? -1 : (DIST_BASE[s]! << 10) | (DIST_EXTRA[s]! << 4),
);

/** RFC 1951 §3.2.6: the fixed codes, built once (at most 9 bits: root tables, no sub-tables). */
export const FIXED_LIT = new Int32Array(1 << LIT_ROOT);
export const FIXED_DIST = new Int32Array(32);
const fixedLengths = new Uint8Array(288 + 32);
fixedLengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
fixedLengths.fill(5, 288);
const allPresent = Uint16Array.from({ length: 288 + 32 }, (_, i) => i);
export const FIXED_LIT_SHAPE = buildTable(
  fixedLengths,
  0,
  allPresent,
  0,
  288,
  FIXED_LIT,
  LIT_ROOT,
  LIT_PAYLOAD,
  false,
);
export const FIXED_DIST_SHAPE = buildTable(
  fixedLengths,
  288,
  allPresent,
  288,
  320,
  FIXED_DIST,
  DIST_ROOT,
  DIST_PAYLOAD,
  false,
);
