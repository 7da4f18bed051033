/**
 * The derived-key cache under a stream of one-off secrets: the sides' secrets, used again and
 * again, stay derived (a bounded LRU, not a cache that empties itself when full), and
 * `verifyCandidate` does not touch the cache at all.
 */
import { describe, expect, it } from "vitest";
import { prepareVerification, signSession, verifyCandidate } from "../../src/codec";
import { MAC_CACHE_LIMIT, macCacheStats, macFor } from "../../src/codec/signing/keys";
import { dict } from "../../src/codec/value";

const side = (secret: string) => macFor("hmac", "sha1", "cookie-session", secret);

describe("the MAC cache does not thrash", () => {
  it("a side's secrets stay cached while thousands of one-off secrets pass through", () => {
    side("side-a");
    side("side-b");
    const before = macCacheStats.derived;
    for (let i = 0; i < 10 * MAC_CACHE_LIMIT; i++) {
      macFor("hmac", "sha1", "cookie-session", `candidate-${i}`);
      if (i % 50 === 0) {
        // alternate, so the one-entry "last key" memo cannot answer for the cache
        side("side-a");
        side("side-b");
      }
    }
    expect(macCacheStats.derived - before).toBe(10 * MAC_CACHE_LIMIT);
  });

  it("verifyCandidate keeps nothing: the side's entry is still there after 5000 candidates", () => {
    const cookie = signSession("flask", dict([["n", 1]]), { secret: "side-c" }).value;
    const prepared = prepareVerification("flask", cookie);
    side("side-c");
    side("side-a");
    const before = macCacheStats.derived;
    let hits = 0;
    for (let i = 0; i < 5000; i++) if (verifyCandidate(prepared, `guess-${i}`)) hits++;
    expect(verifyCandidate(prepared, "side-c")).toBe(true);
    side("side-c");
    side("side-a");
    expect(hits).toBe(0);
    expect(macCacheStats.derived).toBe(before);
  });
});
