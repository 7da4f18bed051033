/**
 * The CLI as a new user meets it (issue: first-use fixes): cookies pasted the way people copy
 * them, a readable answer on a terminal, Python literals for sign, and messages in plain English.
 * Each of these failed before the fix.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, ROOT, records, runCli } from "./cli-harness";
import { nowOf, vector } from "./vectors";

beforeAll(buildCli, 120_000);

const flask = vector("flask-3.1.3", "tiny");
const cs = vector("cookie-session-2.1.1", "tiny");
const secret = ["--secret", flask.secret!];

describe("decode takes a cookie the way people copy it", () => {
  it("session=<value> decodes the value and names the cookie", () => {
    const run = runCli([
      "decode",
      ...secret,
      "--now",
      nowOf(flask),
      `session=${flask.cookie_value}`,
    ]);
    expect(run.status).toBe(0);
    expect(records(run)).toMatchObject([{ format: "flask", status: "valid", name: "session" }]);
  });

  it("a quoted value is unquoted, as werkzeug does", () => {
    const run = runCli(["decode", ...secret, "--now", nowOf(flask), `"${flask.cookie_value}"`]);
    expect(records(run)).toMatchObject([{ status: "valid", key: "secret" }]);
  });

  it("a whole Cookie header decodes each session-like cookie and skips the rest", () => {
    const header = `Cookie: csrftoken=abc123; session="${flask.cookie_value}"; theme=dark; shop=${cs.cookie_value}; shop.sig=${cs.sig_cookie_value}`;
    const run = runCli(["decode", "--now", nowOf(flask), header]);
    expect(run.status).toBe(0);
    expect(records(run).map((r) => [r.name, r.format])).toEqual([
      ["session", "flask"],
      ["shop", "cookie-session"],
    ]);
  });

  it("takes cookie-session's NAME.sig from beside it in the header", () => {
    const header = `session=${cs.cookie_value}; session.sig=${cs.sig_cookie_value}`;
    const run = runCli(["decode", "--format", "cookie-session", "--secret", cs.keys![0]!, header]);
    expect(records(run)).toMatchObject([{ status: "valid", name: "session" }]);
  });

  it("--name picks one cookie, and names the cookies there when it is missing", () => {
    const header = `a=1; session=${flask.cookie_value}`;
    expect(records(runCli(["decode", "--name", "session", header]))).toMatchObject([
      { status: "unverified", name: "session" },
    ]);
    const missing = runCli(["decode", "--name", "sid", header]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no cookie named "sid" (they have: a, session)');
  });

  it("a header with no session cookie says which cookies it had", () => {
    const run = runCli(["decode", "csrftoken=abc; theme=dark"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "none of the cookies given (csrftoken, theme) looks like a session cookie",
    );
  });

  it("an emptied cookie is called empty, not a cookie to pick with --name", () => {
    const run = runCli(["decode", "session="]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "sessionlens: the cookie session has an empty value (how an app deletes its cookie): there is nothing to decode\n",
    );
    expect(runCli(["decode", "session=; session.sig="]).stderr).toContain(
      "the cookies session, session.sig have empty values",
    );
  });

  it("a value of no known shape has format null, not a made-up flask", () => {
    const run = runCli(["decode", "not a cookie at all"]);
    expect(records(run)).toMatchObject([{ format: null, status: "malformed" }]);
  });

  it("a wrong secret is reported in plain English", () => {
    const run = runCli(["decode", "--format", "flask", "--secret", "wrong", flask.cookie_value]);
    const [record] = records(run);
    expect(record?.detail).toContain("does not match the given secret");
    expect(record?.detail).not.toContain("none of the given secret ");
  });
});

/** Runs the CLI with a terminal as stdout (util-linux `script`, in every Debian install). */
function onTerminal(args: string[]): string {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  return execFileSync("script", ["-qec", `node bin/sessionlens.mjs ${quoted}`, "/dev/null"], {
    cwd: ROOT,
    encoding: "utf8",
  }).replaceAll("\r\n", "\n");
}

describe("decode on a terminal", () => {
  it("prints a readable summary: verdict, the session as Python prints it, when it was signed", () => {
    const out = onTerminal(["decode", ...secret, "--now", nowOf(flask), flask.cookie_value]);
    expect(out).toMatch(/^flask · valid with the secret\n {2}\{.*\}\n {2}signed \d{4}-\d\d-\d\d /);
    expect(out).not.toContain('"payload_json"');
  });

  it("--json keeps NDJSON there too", () => {
    const out = onTerminal(["decode", "--json", flask.cookie_value]);
    expect(JSON.parse(out.trim())).toMatchObject({ format: "flask", status: "unverified" });
  });
});

describe("sign takes Python literals for the Python formats", () => {
  const common = ["sign", "--format", "flask", "--secret", "s", "--timestamp", "1767237945"];

  it("signs {'admin': True, 'roles': ('a',)} exactly as its typed JSON", () => {
    const fromPython = runCli([...common, "{'admin': True, 'roles': ('a',), 'n': 1.0}"]);
    const fromTyped = runCli([
      ...common,
      '{"admin":true,"roles":{"$type":"tuple","items":["a"]},"n":{"$type":"float","repr":"1.0"}}',
    ]);
    expect(fromPython.status).toBe(0);
    expect(fromPython.stdout).toBe(fromTyped.stdout);
  });

  it("says what typed JSON and a Python literal look like when the input is neither", () => {
    const run = runCli([...common, "{'admin': Tru}"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("not the name Tru");
    expect(run.stderr).toContain('Typed JSON looks like {"user": "alice"');
  });

  // JSON is a Python literal too: a wrong `$type` object must not be signed as a plain dict.
  it.each([
    ['{"a":{"$type":"nope"}}', '$.a: "$type" must be one of'],
    ['{"a":{"$type":"tuple","items":5}}', "$.a.items: tuple needs"],
    ['{"a":{"$type":"float"}}', '$.a: float needs "repr"'],
    ['{"a":{"$type":"bytes","hex":"zz"}}', '$.a: bytes "hex" must be'],
    ['{"a":{"$type":"float","repr":"1.5","value":2}}', "$.a: float"],
  ])("refuses the typed JSON %s at its place, not as a Python dict", (input, message) => {
    const run = runCli([...common, input]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`sign input is not valid typed JSON: ${message}`);
  });
});
