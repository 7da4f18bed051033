/**
 * `sessionlens sign` reproduces the frameworks' own cookies byte for byte (given the vector's
 * secret and --timestamp), and what it signs decodes back as valid.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, records, runCli } from "./cli-harness";
import { vector } from "./vectors";

beforeAll(buildCli, 120_000);

function sign(args: string[], stdin?: string) {
  const run = runCli(["sign", ...args], stdin);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run;
}

describe("sign: byte-exact with the frameworks", () => {
  it.each(["tiny", "tag-tuple", "compressed", "compression-boundary-not-compressed", "unicode"])(
    "Flask %s",
    (name) => {
      const v = vector("flask-3.1.3", name);
      const data = JSON.stringify(v.expected_decoded);
      const args = ["--format", "flask", "--secret", v.secret!, "--timestamp", String(v.timestamp)];
      expect(sign([...args, data]).stdout).toBe(`${v.cookie_value}\n`);
    },
  );

  it.each(["tiny", "unicode", "insertion-order"])("Starlette %s (key order kept)", (name) => {
    const v = vector("starlette-1.3.1", name);
    const args = [
      "--format",
      "starlette",
      "--secret",
      v.secret!,
      "--timestamp",
      String(v.timestamp),
    ];
    // payload_json is Python's own JSON text: valid typed JSON whose key order is the session's.
    expect(sign([...args, v.payload_json!]).stdout).toBe(`${v.cookie_value}\n`);
  });

  it.each(["tiny", "compressed", "unicode"])("Django %s", (name) => {
    const v = vector("django-3.2.25", name);
    const args = ["--format", "django", "--secret", v.secret!, "--timestamp", String(v.timestamp)];
    expect(sign([...args, v.payload_json!]).stdout).toBe(`${v.cookie_value}\n`);
  });

  it.each(["tiny", "key-order", "numbers"])(
    "cookie-session %s: value, then the .sig line",
    (name) => {
      const v = vector("cookie-session-2.1.1", name);
      const args = ["--format", "cookie-session", "--secret", v.keys![0]!];
      expect(sign([...args, v.payload_json!]).lines).toEqual([v.cookie_value, v.sig_cookie_value]);
    },
  );

  it("cookie-session --unsigned (signed: false): the bare value, no .sig line, no key needed", () => {
    const v = vector("cookie-session-2.1.1", "unsigned");
    const run = sign(["--format", "cookie-session", "--unsigned", v.payload_json!]);
    expect(run.lines).toEqual([v.cookie_value]);
  });

  it.each(["fixed-id", "weird-id"])(
    "express-session %s: percent-encoded Set-Cookie value",
    (name) => {
      const v = vector("express-session-1.19.0", name);
      const sessionId = decodeURIComponent(v.cookie_value)
        .slice(2)
        .replace(/\.[^.]*$/, "");
      const args = ["--format", "express-session", "--secret", v.secrets![0]!];
      expect(sign([...args, JSON.stringify(sessionId)]).stdout).toBe(`${v.cookie_value}\n`);
    },
  );

  it("reads the typed JSON from standard input with -, across lines", () => {
    const v = vector("flask-3.1.3", "tiny");
    const args = ["--format", "flask", "--secret", v.secret!, "--timestamp", String(v.timestamp)];
    expect(sign([...args, "-"], '{\n  "n": 1\n}\n').stdout).toBe(`${v.cookie_value}\n`);
  });

  it("names the line and column of a JSON error in input of several lines", () => {
    const input = '{\n  "user": "a",\n  "n": 1,,\n}\n';
    for (const format of ["flask", "cookie-session"]) {
      const run = runCli(["sign", "--format", format, "--secret", "s", "-"], input);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        "invalid JSON at line 3, column 10: expected an object key in double quotes, found ','",
      );
    }
  });
});

describe("sign then decode", () => {
  it("round-trips typed values through a Flask cookie", () => {
    const data =
      '{"f":{"$type":"float","repr":"1.0","value":1},"t":{"$type":"tuple","items":[1,"a"]}}';
    const signed = sign(["--format", "flask", "--secret", "round-trip-secret", data]);
    const run = runCli(["decode", "--secret", "round-trip-secret", signed.lines[0]!]);
    expect(records(run)).toMatchObject([{ format: "flask", status: "valid", key: "secret" }]);
    expect(records(run)[0]!.data).toEqual(JSON.parse(data));
  });
});

describe("sign: a cookie a browser would drop", () => {
  it("prints it, and warns on stderr that it is past 4096 bytes with its name", () => {
    const blob = JSON.stringify({ blob: "x".repeat(6000) });
    const run = runCli(["sign", "--format", "starlette", "--secret", "s", blob]);
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    const bytes = `session=${run.lines[0]}`.length;
    expect(bytes).toBeGreaterThan(4096);
    expect(run.stderr).toBe(
      `warning: session=… is ${bytes.toLocaleString("en-US")} bytes; browsers drop a cookie over 4096 bytes without a word\n`,
    );
  });
});
