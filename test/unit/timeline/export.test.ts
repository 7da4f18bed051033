/**
 * The panel's export is a HAR the CLI and the panel read back to the same timeline, and it
 * carries no side secret.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parseSidesJson } from "../../../src/analysis/sidesJson";
import { buildTimeline } from "../../../src/timeline";
import { exportTimeline } from "../../../src/timeline/export";
import { readHar } from "../../../src/timeline/har";

it("round-trips the demo HAR through export, without secrets", () => {
  const parsed = parseSidesJson(
    readFileSync("test/fixtures/har/demo-broken.sides.json", "utf8"),
    () => "x",
  );
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const har = readHar(readFileSync("test/fixtures/har/demo-broken.har", "utf8"));
  if (!har.ok) throw new Error(har.error);
  const first = buildTimeline({ seen: har.seen, changes: [], hasChangeFeed: false }, parsed.sides);
  const text = exportTimeline(first.writes, first.findings, "test");
  expect(text).not.toContain("sessionlens-demo-secret");
  const again = readHar(text);
  if (!again.ok) throw new Error(again.error);
  const second = buildTimeline(
    { seen: again.seen, changes: [], hasChangeFeed: false },
    parsed.sides,
  );
  expect(second.writes.map((w) => [w.seq, w.value])).toEqual(
    first.writes.map((w) => [w.seq, w.value]),
  );
  expect(second.findings.map((f) => [f.kind, f.evidence])).toEqual(
    first.findings.map((f) => [f.kind, f.evidence]),
  );
  expect(JSON.parse(text).log._sessionLens.findings).toHaveLength(first.findings.length);
});
