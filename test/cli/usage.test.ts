/**
 * Usage errors: exit 2, nothing on stdout, one stderr line that names the problem (and how to
 * fix it), and never a secret in any message.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, runCli } from "./cli-harness";
import { vector } from "./vectors";

beforeAll(buildCli, 120_000);

const COOKIE = vector("flask-3.1.3", "tiny").cookie_value;
const SECRET = "Top-Secret-Value-42";

function usageError(args: string[], stdin?: string): string {
  const run = runCli(args, stdin);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sessionlens: /);
  return lines[0]!;
}

describe("usage errors", () => {
  it.each([
    [
      ["decode", "--bogus", COOKIE],
      /unknown option --bogus \(see `sessionlens help decode` for its options\)/,
    ],
    [
      ["timeline", "--bogus", "x.har"],
      /unknown option --bogus \(see `sessionlens help timeline` for/,
    ],
    [["decode", COOKIE, "--secret"], /--secret needs a value/],
    [
      ["decode", "--digest", "md5", COOKIE],
      /--digest md5 is not supported: use sha1, sha256 or sha512/,
    ],
    [
      ["decode", "--format", "nope", COOKIE],
      /unknown --format "nope": use one of auto, flask, starlette, django, cookie-session, express-session, itsdangerous/,
    ],
    [["decode", "--format", "fastapi", COOKIE], /--format starlette/],
    [
      ["decode", "--secret", "a", "--secret-hex", "00", COOKIE],
      /--secret and --secret-hex were both given/,
    ],
    [["decode", "--secret-hex", "abc", COOKIE], /--secret-hex is not valid hex/],
    [["decode", "--fallback-hex", "zz", COOKIE], /--fallback-hex is not valid hex/],
    [["decode", "--max-age", "soon", COOKIE], /--max-age "soon" is not a number of seconds/],
    [["decode", "--now", "yesterday", COOKIE], /--now "yesterday" is not a Unix time/],
    [
      ["decode", "--format", "flask", "--sig", "abc", COOKIE],
      /--sig .* does not apply to --format flask/,
    ],
    [["decode", "--timestamp", "1", COOKIE], /--timestamp is for sign/],
    [["decode", "--format", "cookie-session", "--salt", "x", COOKIE], /--salt does not apply/],
    [
      ["decode", "--format", "express-session", "--digest", "sha1", COOKIE],
      /always signs with sha256/,
    ],
    [["decode", "--sort-keys", "--no-sort-keys", COOKIE], /contradict/],
    [
      ["decode", "--secret", "a", "--secret", "b", COOKIE],
      /given twice: give older secrets with --fallback/,
    ],
    [["decode"], /decode needs a cookie value, or -/],
    [["decode", "-", "-"], /given twice/],
    [[], /no command given/],
    [
      ["decrypt", COOKIE],
      /unknown command "decrypt": use decode, sign, convert, audit or timeline/,
    ],
    [["help", "frobnicate"], /no help for "frobnicate"/],
    [["sign", "--secret", "s", '{"n":1}'], /sign needs --format/],
    [
      ["sign", "--format", "flask", '{"n":1}'],
      /^sessionlens: cannot sign: Signing a Flask cookie needs the app's secret key: give --secret S \(or --secret-hex H for bytes\)$/m,
    ],
    [["sign", "--format", "flask", "--secret", "s"], /sign takes one typed-JSON session/],
    [
      ["sign", "--format", "flask", "--secret", "s", "--timestamp", "soon", "{}"],
      /--timestamp "soon"/,
    ],
    [["sign", "--format", "flask", "--secret", "s", "--now", "1", "{}"], /--now is for decode/],
    [
      ["sign", "--format", "flask", "--secret", "s", "{not json"],
      /sign input is not valid typed JSON, nor a Python literal \(as typed JSON, invalid JSON at character 1/,
    ],
    [
      ["sign", "--format", "express-session", "--secret", "s", '{"n":1}'],
      /give it as a JSON string/,
    ],
  ])("%j", (args, message) => {
    expect(usageError(args)).toMatch(message);
  });

  it("reports bad typed JSON read from standard input", () => {
    expect(usageError(["sign", "--format", "flask", "--secret", "s", "-"], "[1,")).toMatch(
      /not valid typed JSON/,
    );
  });
});

describe("secrets stay secret", () => {
  it.each([
    [["decode", `--secret=${SECRET}`, "--bogus", COOKIE]],
    [["decode", "--secret-hex", SECRET, COOKIE]],
    [["decode", "--fallback-hex", SECRET, COOKIE]],
    [["decode", "--secret", SECRET, "--secret-hex", "00", COOKIE]],
    [["sign", "--format", "flask", "--secret", SECRET, `{"oops":"${SECRET}`]],
  ])("never echoes the secret in %j", (args) => {
    expect(usageError(args)).not.toContain(SECRET);
  });

  it("never puts the secret in decode output", () => {
    const run = runCli(["decode", "--secret", SECRET, "--fallback", `${SECRET}-old`, COOKIE]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });
});
