/**
 * Firefox moves a wasm function from its baseline to its optimising compiler once a hotness
 * counter runs out; each loop head takes off the loop's size / 20, at most 127. The kernel's
 * straight-line code is cut into one-pass loops so each pass counts for its real size: no chunk
 * may pass 127 × 20 bytes, or Firefox audits on baseline code (5x slower) for ~1 M candidates.
 */
import { describe, expect, it } from "vitest";
import { Lanes, type V } from "../../../src/audit/wasm/lanes";
import { constBlocks, hmacLanes, SHA1_LANES, SHA256_LANES } from "../../../src/audit/wasm/shaLanes";

const STEP_CAP_BYTES = 127 * 20;

describe.each([
  ["sha1", SHA1_LANES],
  ["sha256", SHA256_LANES],
] as const)("the %s kernel's code", (_name, hash) => {
  it("comes in chunks Firefox's hotness counter counts in full", () => {
    const l = new Lanes(4);
    const key: V[] = Array.from({ length: 16 }, (_, t) => l.load(2, t * 16));
    const message = constBlocks(new TextEncoder().encode("x".repeat(100)), 64);
    hmacLanes(l, hash, key, message);
    l.seal();
    expect(l.chunkBytes.length).toBeGreaterThan(5);
    for (const bytes of l.chunkBytes) expect(bytes).toBeLessThan(STEP_CAP_BYTES);
    // every byte of the code is in a chunk but the chunks' own loop (2 bytes) and end (1)
    const sum = l.chunkBytes.reduce((a, b) => a + b, 0);
    expect(l.code.length - sum).toBe(3 * l.chunkBytes.length);
  });
});
