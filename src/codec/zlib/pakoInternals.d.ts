/**
 * Types for the parts of pako's zlib port that zlib.ts drives directly. pako's public API
 * builds a fresh ~200 KB deflate state per call; the low-level API lets us reset and reuse
 * one, which is what makes signing a small cookie cheap. pako is pinned (2.2.0). (Inflation
 * no longer uses pako: see inflate.ts.)
 */
declare module "pako/lib/zlib/zstream.js" {
  export interface DeflateState {
    window: Uint8Array;
    head: Uint16Array;
    w_size: number;
    window_size: number;
    strstart: number;
    block_start: number;
    lookahead: number;
    insert: number;
    match_length: number;
    prev_length: number;
    match_available: number;
    ins_h: number;
    /** the classic hash: ((h << hash_shift) ^ byte) & hash_mask; 5 and 0x7fff at memLevel 8 */
    hash_shift: number;
    hash_mask: number;
  }
  export default class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
    /** deflate's internal state; zlib.ts resets the match finder itself (see `resetDeflater`). */
    state: DeflateState | null;
  }
}

declare module "pako/lib/zlib/deflate.js" {
  import type ZStream from "pako/lib/zlib/zstream.js";
  export function deflateInit2(
    strm: ZStream,
    level: number,
    method: number,
    windowBits: number,
    memLevel: number,
    strategy: number,
    /** the classic zlib hash (pako's Deflate default): the one that matches CPython */
    legacyHash: boolean,
  ): number;
  export function deflateReset(strm: ZStream): number;
  export function deflateResetKeep(strm: ZStream): number;
  export function deflate(strm: ZStream, flush: number): number;
}
