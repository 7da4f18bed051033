import { describe, expect, it } from "vitest";
import { warmList } from "./warmList";

/** Blocks SHA-1/SHA-256 need for prefix + candidate, as the kernels' length classes count them. */
const blocks = (prefix: number, n: number) => Math.ceil((prefix + n + 9) / 64);

describe("the warm-up list", () => {
  const list = warmList();
  const lengths = Array.from(
    { length: list.count },
    (_, i) => list.spans[2 * i + 1]! - list.spans[2 * i]!,
  );

  it("runs every length class hot: one- and two-block keys behind a derivation's prefix", () => {
    // itsdangerous's prefix is 18 bytes, Starlette's 25, Django's about 30.
    for (const prefix of [18, 25, 31]) {
      const classes = new Map<number, number>();
      for (const n of lengths.filter((n) => n <= 64)) {
        classes.set(blocks(prefix, n), (classes.get(blocks(prefix, n)) ?? 0) + 1);
      }
      expect([...classes.keys()].sort()).toEqual([1, 2]);
      // Each class gets at least the 32,768 candidates Firefox needed to tier a kernel up.
      for (const count of classes.values()) expect(count).toBeGreaterThanOrEqual(32_000);
    }
  });

  it("holds keys longer than a block too, for the JS path they take", () => {
    expect(lengths.filter((n) => n > 64).length).toBeGreaterThanOrEqual(1000);
  });
});
