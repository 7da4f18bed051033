/**
 * `sessionlens decode -`: cookies from standard input, one per line, answered in order as
 * NDJSON, with blank lines skipped, CRLF accepted and output streamed before input ends.
 */
import { once } from "node:events";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, records, runCli, startCli } from "./cli-harness";
import { nowOf, vector } from "./vectors";

beforeAll(buildCli, 120_000);

const tiny = vector("flask-3.1.3", "tiny");
const tampered = vector("flask-3.1.3", "tampered-signature");
const starlette = vector("starlette-1.3.1", "tiny");
const flaskArgs = ["decode", "--format", "flask", "--secret", tiny.secret!, "--now", nowOf(tiny)];

describe("decode - (standard input)", () => {
  it("answers every line in order; one failure makes the exit status 1", () => {
    const input = [tiny.cookie_value, tampered.cookie_value, tiny.cookie_value].join("\n");
    const run = runCli([...flaskArgs, "-"], `${input}\n`);
    expect(records(run).map((r) => r.status)).toEqual(["valid", "bad_signature", "valid"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
  });

  it("skips blank lines, accepts CRLF, a missing final newline and surrounding spaces", () => {
    const input = `\r\n${tiny.cookie_value}\r\n\r\n   \n  ${tiny.cookie_value}\t\r\n${tiny.cookie_value}`;
    const run = runCli([...flaskArgs, "-"], input);
    expect(records(run).map((r) => r.status)).toEqual(["valid", "valid", "valid"]);
    expect(run.status).toBe(0);
  });

  it("mixes formats under auto and reports a malformed line by its line number, exit 2", () => {
    const input = [starlette.cookie_value, "", "%%% not a cookie %%%", tiny.cookie_value].join(
      "\n",
    );
    const run = runCli(["decode", "-"], input);
    expect(records(run).map((r) => [r.format, r.status])).toEqual([
      ["starlette", "unverified"],
      [null, "malformed"], // no known shape: no format
      ["flask", "unverified"],
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^sessionlens: stdin line 3 is malformed: /);
  });

  it("splices standard input between cookie arguments, in order", () => {
    const run = runCli(
      [...flaskArgs, tampered.cookie_value, "-", tampered.cookie_value],
      `${tiny.cookie_value}\n`,
    );
    expect(records(run).map((r) => r.status)).toEqual(["bad_signature", "valid", "bad_signature"]);
  });

  it("answers a line with no session-like cookie (or not the --name asked for) and reads on", () => {
    const input = ["session=zz", tiny.cookie_value, "a=1; b=2", tiny.cookie_value].join("\n");
    const run = runCli([...flaskArgs, "-"], `${input}\n`);
    const answers = records(run);
    expect(answers.map((r) => [r.format, r.status])).toEqual([
      [null, "malformed"],
      ["flask", "valid"],
      [null, "malformed"],
      ["flask", "valid"],
    ]);
    expect(answers[0]!.detail).toContain("looks like a flask cookie");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^sessionlens: stdin line 1 is malformed: none of the cookies/);
    expect(run.stderr).toMatch(/\nsessionlens: stdin line 3 is malformed: /);
    const named = runCli(
      [...flaskArgs, "--name", "sid", "-"],
      `a=1; session=${tiny.cookie_value}\n`,
    );
    expect(records(named)[0]).toMatchObject({ status: "malformed" });
    expect(records(named)[0]!.detail).toContain('no cookie named "sid"');
  });

  it("keeps a cookie argument with no session-like cookie a usage error", () => {
    const run = runCli([...flaskArgs, "a=1; b=2"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^sessionlens: none of the cookies given \(a, b\)/);
  });

  it("answers a line past the reader's bound as malformed, saying its length, and reads on", () => {
    const long = "A".repeat(2 * 1024 * 1024);
    const run = runCli([...flaskArgs, "-"], `${long}\n${tiny.cookie_value}\n`);
    const [first, second] = records(run);
    expect(first).toMatchObject({ format: null, status: "malformed", key: null });
    expect(first!.detail).toMatch(/the line is longer than the 1048576 characters standard input/);
    expect(second!.status).toBe("valid");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^sessionlens: stdin line 1 is malformed: Refused: the line is longer than the 1048576/,
    );
  });

  it("prints nothing and exits 0 for empty input", () => {
    const run = runCli([...flaskArgs, "-"], "\n\n");
    expect(run.stdout).toBe("");
    expect(run.status).toBe(0);
  });

  it("streams: answers a line before standard input is closed", async () => {
    const child = startCli([...flaskArgs, "-"]);
    child.stdin.write(`${tiny.cookie_value}\n`);
    const [firstChunk] = (await once(child.stdout, "data")) as [Buffer];
    expect(JSON.parse(firstChunk.toString("utf8")).status).toBe("valid");
    child.stdin.end();
    const [code] = (await once(child, "close")) as [number];
    expect(code).toBe(0);
  });
});
