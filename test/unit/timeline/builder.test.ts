/**
 * The timeline builder takes the panel's ring one record at a time and must show, after every
 * record, exactly what one build of the whole ring shows (rows, findings, their order): random
 * rings from ./randomRecords, each step checked against `buildTimeline` with a cold cache.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTimeline, TimelineBuilder } from "../../../src/timeline";
import { play, type Ring, SIDES, step } from "./randomRecords";

const sidesSubset = fc.subarray([...SIDES], { minLength: 0 });

describe("TimelineBuilder", () => {
  it("after every record, shows what a build of the whole ring shows", () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 40, size: "max" }),
        fc.integer({ min: 2, max: 12 }),
        sidesSubset,
        fc.boolean(),
        (steps, capacity, sides, hasChangeFeed) => {
          const builder = new TimelineBuilder(sides, { hasChangeFeed });
          play(steps, capacity, (ring: Ring) => {
            const input = { ...ring, hasChangeFeed };
            expect(builder.sync(input)).toStrictEqual(buildTimeline(input, sides));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
