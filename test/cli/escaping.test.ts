/**
 * NDJSON stays one object per line for every line splitter: U+2028, U+2029 and U+0085 inside
 * strings are written \u-escaped, in data, payload_json and everywhere else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, records, runCli } from "./cli-harness";

beforeAll(buildCli, 120_000);

/** A Flask-shaped cookie (no valid signature needed: decoded unverified) holding `json`. */
function flaskShaped(json: string): string {
  return `${Buffer.from(json, "utf8").toString("base64url")}.aVXpOQ.${"A".repeat(27)}`;
}

describe("line separators in output", () => {
  it("escapes U+2028, U+2029 and U+0085 so each line is one object", () => {
    const text = "a\u2028b\u2029c\u0085d";
    const run = runCli(["decode", "--format", "flask", flaskShaped(JSON.stringify({ s: text }))]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/[\u2028\u2029\u0085]/);
    expect(run.stdout).toContain("a\\u2028b\\u2029c\\u0085d");
    expect(run.stdout.split(/\r\n|[\n\r\u2028\u2029\u0085]/).filter(Boolean)).toHaveLength(1);
    expect(records(run)).toMatchObject([{ status: "unverified", data: { s: text } }]);
  });

  it("keeps a lone surrogate as a \\u escape instead of a replacement character", () => {
    const run = runCli(["decode", "--format", "flask", flaskShaped('{"s":"x\\ud800y"}')]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("\uFFFD");
    expect(run.stdout).toContain('"data":{"s":"x\\ud800y"}');
    expect(records(run)).toMatchObject([{ data: { s: "x\uD800y" } }]);
  });
});
