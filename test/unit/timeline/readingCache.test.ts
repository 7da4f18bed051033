/**
 * The timeline's reading cache stays bounded however long DevTools stays open (an app that
 * re-signs on every response makes a new value, and a new second, per request), and what it
 * answers after dropping entries is what it answered before.
 */
import { describe, expect, it } from "vitest";
import { signSession } from "../../../src/codec/sign";
import { dict } from "../../../src/codec/value";
import { TIMELINE_RING } from "../../../src/panel/state/useTimeline";
import { READING_CACHE_LIMIT, ReadingCache } from "../../../src/timeline/analyse";

const cookie = (n: number) =>
  signSession("flask", dict([["n", n]]), { secret: "s", timestamp: 1767237945 + n }).value;

describe("ReadingCache", () => {
  it("keeps at most its limit of readings, oldest dropped first, answers unchanged", () => {
    const cache = new ReadingCache([], 100);
    const first = cache.reading("session", cookie(0), 1_000, undefined);
    for (let i = 1; i < 1000; i++) cache.reading("session", cookie(i), 1_000 + i * 1000, undefined);
    expect(cache.size.readings).toBe(100);
    const newest = cache.reading("session", cookie(999), 1_000 + 999 * 1000, undefined);
    expect(cache.reading("session", cookie(999), 1_000 + 999 * 1000, undefined)).toBe(newest);
    const again = cache.reading("session", cookie(0), 1_000, undefined);
    expect(again).not.toBe(first); // dropped, read again
    expect(again).toEqual(first);
  });

  it("keeps at most its limit of diffs", () => {
    const cache = new ReadingCache([], 100);
    const values = Array.from({ length: 300 }, (_, i) => dict([["n", i]]));
    const firstDiff = cache.diff(values[0], values[1]);
    for (let i = 1; i < 299; i++) cache.diff(values[i], values[i + 1]);
    expect(cache.size.diffs).toBeLessThanOrEqual(100);
    expect(cache.diff(values[0], values[1])).toEqual(firstDiff);
  });

  it("is bounded by default well above the panel's ring of writes", () => {
    expect(READING_CACHE_LIMIT).toBeGreaterThanOrEqual(4 * TIMELINE_RING);
    expect(new ReadingCache([]).size).toEqual({ readings: 0, diffs: 0 });
  });
});
