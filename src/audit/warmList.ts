/**
 * The throwaway list an audit worker runs a freshly built kernel over, so the engine's optimising
 * compiler has every part of it before the user's click (see WARM_WIDTHS).
 */

/**
 * Candidates for the warm-up: enough for Firefox's lazy tiering and V8's dynamic tiering to hand
 * the kernel to their optimising compilers. Measured with a fresh cookie 0.5 s after prepare,
 * the built-in list on two workers took: no warm-up, Chromium 71–151 ms, Firefox 89–163 ms;
 * 16,384, Firefox still on baseline code (119–182 ms); 32,768, 23–49 and 28–36 ms after the
 * first; 65,536, the same with room for bigger cookies (bigger modules tier up later).
 */
const WARM_CANDIDATES = 65536;

/**
 * Their lengths, in turn. Every length class of the kernel must run hot, since engines tier up
 * function by function: a derivation that hashes prefix + secret (itsdangerous, Starlette,
 * Django) has one function per block count, and 12-byte candidates reached only the one-block
 * one, so the built-in list (a third of its secrets need two blocks) ran its two-block function
 * cold and took 2.5× Flask's time. One in 64 is longer than a block, for the JS path keys that
 * long take.
 */
const WARM_WIDTHS = [12, 56];
const WARM_LONG = 80;

let warm: { bytes: Uint8Array; spans: Int32Array; count: number } | null = null;

/** One in 64 is long, taken from both widths alike so each keeps over 32,000. */
const warmWidth = (i: number) =>
  i % 128 === 62 || i % 128 === 127 ? WARM_LONG : WARM_WIDTHS[i % WARM_WIDTHS.length]!;

export function warmList() {
  if (warm !== null) return warm;
  let size = 0;
  for (let i = 0; i < WARM_CANDIDATES; i++) size += warmWidth(i);
  const bytes = new Uint8Array(size);
  const spans = new Int32Array(WARM_CANDIDATES * 2);
  let at = 0;
  for (let i = 0; i < WARM_CANDIDATES; i++) {
    const width = warmWidth(i);
    for (let k = 0; k < width; k++) bytes[at + k] = 0x61 + (((i >> (k % 4)) + k) % 26);
    spans[2 * i] = at;
    spans[2 * i + 1] = at + width;
    at += width;
  }
  warm = { bytes, spans, count: WARM_CANDIDATES };
  return warm;
}
