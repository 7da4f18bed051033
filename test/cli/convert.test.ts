/**
 * `sessionlens convert` through the real built command: decode with the --from- options,
 * re-sign as `sign` would, one warning line per value the target cannot hold, --strict, and
 * nothing on stdout for a cookie that does not verify.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, records, runCli } from "./cli-harness";

beforeAll(buildCli, 120_000);

const TS = "1767237945";
const NOW = "1767238000";
const SESSION = '{"user":"alice","roles":{"$type":"tuple","items":["reader","editor"]}}';

function flaskCookie(): string {
  const run = runCli([
    "sign",
    "--format",
    "flask",
    "--secret",
    "flask-s",
    "--timestamp",
    TS,
    SESSION,
  ]);
  expect(run.status).toBe(0);
  return run.lines[0]!;
}

const decode = (args: string[]) => records(runCli(["decode", "--now", NOW, ...args]))[0]!;

describe("convert", () => {
  it("re-signs a Flask session for Starlette, warning for the tuple by path", () => {
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      "flask-s",
      "--from-now",
      NOW,
      "--format",
      "starlette",
      "--secret",
      "star-s",
      "--timestamp",
      TS,
      flaskCookie(),
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("warning: roles: tuple written as a list\n");
    expect(run.lines).toHaveLength(1);
    const same = runCli([
      "sign",
      "--format",
      "starlette",
      "--secret",
      "star-s",
      "--timestamp",
      TS,
      '{"roles":["reader","editor"],"user":"alice"}',
    ]);
    expect(run.lines[0]).toBe(same.lines[0]);
    expect(decode(["--format", "starlette", "--secret", "star-s", run.lines[0]!])).toMatchObject({
      status: "valid",
      data: { roles: ["reader", "editor"], user: "alice" },
    });
  });

  it("prints the cookie-session value and its .sig, and reads a NAME=value input", () => {
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret=flask-s",
      "--from-now",
      NOW,
      "--format",
      "cookie-session",
      "--secret",
      "keygrip",
      `session=${flaskCookie()}`,
    ]);
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(2);
    const [value, sig] = run.lines as [string, string];
    expect(
      decode(["--format", "cookie-session", "--secret", "keygrip", "--sig", sig, value]),
    ).toMatchObject({ status: "valid" });
  });

  it("keeps every type Flask to Flask, with no warning, byte-identical for the same timestamp", () => {
    const cookie = flaskCookie();
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      "flask-s",
      "--from-now",
      NOW,
      "--format",
      "flask",
      "--secret",
      "flask-s",
      "--timestamp",
      TS,
      cookie,
    ]);
    expect(run.stderr).toBe("");
    expect(run.lines).toEqual([cookie]);
  });

  it("--strict exits 2 on a lossy conversion and prints nothing", () => {
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      "flask-s",
      "--from-now",
      NOW,
      "--format",
      "starlette",
      "--secret",
      "star-s",
      "--strict",
      flaskCookie(),
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^warning: roles: tuple written as a list\n.*--strict/s);
  });

  it("exits 1 with nothing on stdout when the cookie does not verify, and never echoes a secret", () => {
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      "wrong-secret",
      "--from-now",
      NOW,
      "--format",
      "starlette",
      "--secret",
      "star-s",
      flaskCookie(),
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/does not verify/);
    expect(run.stderr).not.toContain("wrong-secret");
  });

  it("refuses to convert to or from express-session, whose cookie is only an id", () => {
    const id = runCli(["sign", "--format", "express-session", "--secret", "s", '"abc"']).lines[0]!;
    const from = runCli([
      "convert",
      "--from-format",
      "express-session",
      "--from-secret",
      "s",
      "--format",
      "starlette",
      "--secret",
      "t",
      id,
    ]);
    expect(from.status).toBe(2);
    expect(from.stdout).toBe("");
    expect(from.stderr).toMatch(/express-session cookies hold only a session id .*no session data/);
    const to = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      "flask-s",
      "--from-now",
      NOW,
      "--format",
      "express-session",
      "--secret",
      "t",
      flaskCookie(),
    ]);
    expect(to.status).toBe(2);
    expect(to.stdout).toBe("");
    expect(to.stderr).toMatch(
      /convert cannot write one from session data: sign --format express-session/,
    );
  });

  it("says which option gives the source secret when none was given", () => {
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--format",
      "starlette",
      "--secret",
      "star-s",
      flaskCookie(),
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/no secret given.*with --from-secret \(or --from-secret-hex\)\.\n$/);
  });

  it("rejects an unknown --from- option and a missing target format", () => {
    expect(runCli(["convert", "--from-colour", "x", "c"]).stderr).toMatch(
      /unknown option --from-colour/,
    );
    const noFormat = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      "s",
      flaskCookie(),
    ]);
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toMatch(/needs --format/);
  });
});
