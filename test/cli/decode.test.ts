/**
 * `sessionlens decode` on golden vectors, through the real built command: statuses, exit
 * codes, the NDJSON fields in docs/cli.md §5's order, and the decoded data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, records, runCli } from "./cli-harness";
import { nowOf, vector } from "./vectors";

beforeAll(buildCli, 120_000);

const FIELD_ORDER = [
  "format",
  "status",
  "data",
  "payload_json",
  "timestamp",
  "compressed",
  "key",
  "detail",
];

function decodeOne(args: string[]) {
  const run = runCli(["decode", ...args]);
  expect(run.lines).toHaveLength(1);
  return { run, record: records(run)[0]! };
}

describe("decode: Flask", () => {
  const tiny = vector("flask-3.1.3", "tiny");

  it("verifies a Flask cookie with its secret: valid, exit 0, fields in contract order", () => {
    const { run, record } = decodeOne([
      "--format",
      "flask",
      "--secret",
      tiny.secret!,
      "--now",
      nowOf(tiny),
      tiny.cookie_value,
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(Object.keys(record)).toEqual(FIELD_ORDER);
    expect(record).toMatchObject({
      format: "flask",
      status: "valid",
      data: { n: 1 },
      payload_json: '{"n":1}',
      timestamp: 1767237945,
      compressed: false,
      key: "secret",
    });
    expect(String(record.detail).length).toBeGreaterThan(0);
  });

  it("reports a wrong secret as bad_signature with exit 1, still showing the data", () => {
    const { run, record } = decodeOne([
      "--format",
      "flask",
      "--secret",
      "wrong",
      tiny.cookie_value,
    ]);
    expect(run.status).toBe(1);
    expect(record).toMatchObject({ status: "bad_signature", key: null, data: { n: 1 } });
  });

  it("decodes without a secret as unverified, exit 0", () => {
    const { run, record } = decodeOne(["--format", "flask", tiny.cookie_value]);
    expect(run.status).toBe(0);
    expect(record).toMatchObject({ status: "unverified", key: null, data: { n: 1 } });
  });

  it("judges age against --now: a cookie one second past max-age is expired, exit 1", () => {
    const expired = vector("flask-3.1.3", "expired");
    const args = ["--format", "flask", "--secret", expired.secret!, expired.cookie_value];
    const { run, record } = decodeOne([...args, "--now", nowOf(expired)]);
    expect(run.status).toBe(1);
    expect(record.status).toBe("expired");
    expect(decodeOne([...args, "--now", nowOf(expired), "--max-age", "none"]).record.status).toBe(
      "valid",
    );
  });

  it("accepts --max-age -1 and judges every cookie expired, as Starlette's own tests do (test_session_expires)", () => {
    const v = vector("starlette-1.3.1", "tiny");
    const args = ["--format", "starlette", "--secret", v.secret!, v.cookie_value];
    // Signed this very second: age 0 > max_age -1.
    const { run, record } = decodeOne([...args, "--now", String(v.timestamp), "--max-age", "-1"]);
    expect(run.status).toBe(1);
    expect(record).toMatchObject({ status: "expired", key: "secret" });
    expect(record.detail).toMatch(/max_age -1 s/);
    const fresh = decodeOne([...args, "--now", String(v.timestamp), "--max-age", "0"]);
    expect(fresh.record.status).toBe("valid");
  });

  it("prints a timestamp past 2^53 with every digit, and signs it back exactly, as Starlette's TimestampSigner reads it without a max_age", () => {
    const ts = "1152921504606846977"; // 2^60 + 1: a double would print 1152921504606847000
    const signed = runCli([
      "sign",
      "--format",
      "starlette",
      "--secret",
      "k",
      "--timestamp",
      ts,
      '{"ab": 1}',
    ]);
    expect(signed.status).toBe(0);
    const cookie = signed.lines[0]!;
    const run = runCli([
      "decode",
      "--format",
      "starlette",
      "--secret",
      "k",
      "--max-age",
      "none",
      cookie,
    ]);
    expect(run.stdout).toContain(`"timestamp":${ts},`);
    expect(records(run)[0]).toMatchObject({ status: "valid" });
    const again = runCli([
      "sign",
      "--format",
      "starlette",
      "--secret",
      "k",
      "--timestamp",
      ts,
      '{"ab": 1}',
    ]);
    expect(again.lines[0]).toBe(cookie);
  });

  it("names the fallback that verified, numbering --fallback and --fallback-hex together", () => {
    const v = vector("flask-3.1.3", "fallback-old-key-accepted");
    const [oldA, oldB] = v.secret_fallbacks!;
    const base = ["--format", "flask", "--secret", v.secret!, "--now", nowOf(v), v.cookie_value];
    const first = decodeOne([...base, "--fallback", oldA!, "--fallback", oldB!]);
    expect(first.run.status).toBe(0);
    expect(first.record).toMatchObject({ status: "valid", key: "fallback:0" });
    const second = decodeOne([...base, "--fallback-hex", "00ff", "--fallback", oldA!]);
    expect(second.record).toMatchObject({ status: "valid", key: "fallback:1" });
  });

  it("takes a binary SECRET_KEY as --secret-hex", () => {
    const v = vector("flask-3.1.3", "binary-secret");
    const { record } = decodeOne(["--secret-hex", v.secret!, "--now", nowOf(v), v.cookie_value]);
    expect(record).toMatchObject({ format: "flask", status: "valid", key: "secret" });
  });

  it("reads a pre-1.0 itsdangerous timestamp as valid_legacy when max-age allows it", () => {
    const v = vector("flask-3.1.3", "legacy-epoch-timestamp");
    const args = ["--format", "flask", "--secret", v.secret!, "--now", nowOf(v), v.cookie_value];
    const legacy = decodeOne([...args, "--max-age", "none"]);
    expect(legacy.run.status).toBe(0);
    expect(legacy.record).toMatchObject({
      status: "valid_legacy",
      timestamp: v.legacy_timestamp_interpreted,
      data: { n: 9, user: "alice" },
    });
    const modern = decodeOne(args);
    expect(modern.run.status).toBe(1);
    expect(modern.record.status).toBe("expired");
    expect(String(modern.record.detail)).toMatch(/legacy|pre-1\.0 itsdangerous/i);
  });

  it("writes Flask tags as typed JSON", () => {
    const v = vector("flask-3.1.3", "tag-tuple");
    const { record } = decodeOne(["--secret", v.secret!, "--now", nowOf(v), v.cookie_value]);
    expect(record).toMatchObject({ status: "valid", compressed: true });
    expect(record.data).toEqual(v.expected_decoded);
  });
});

describe("decode: other formats", () => {
  it("verifies Starlette and keeps the session's key order in the raw line", () => {
    const v = vector("starlette-1.3.1", "insertion-order");
    const { run, record } = decodeOne([
      "--format",
      "starlette",
      "--secret",
      v.secret!,
      "--now",
      nowOf(v),
      v.cookie_value,
    ]);
    expect(record).toMatchObject({ format: "starlette", status: "valid", key: "secret" });
    expect(run.stdout).toContain('"data":{"b":1,"10":2,"a":3,"2":4,');
  });

  it("guesses Starlette under --format auto", () => {
    const v = vector("starlette-1.3.1", "tiny");
    const { record } = decodeOne(["--secret", v.secret!, "--now", nowOf(v), v.cookie_value]);
    expect(record).toMatchObject({ format: "starlette", status: "valid", data: { n: 1 } });
  });

  it("verifies Django (SHA-256) and Django 3.2 legacy SHA-1 with --digest sha1", () => {
    const tiny = vector("django-3.2.25", "tiny");
    const args = ["--format", "django", "--secret", tiny.secret!, "--now", nowOf(tiny)];
    expect(decodeOne([...args, tiny.cookie_value]).record).toMatchObject({
      format: "django",
      status: "valid",
      data: { n: 1 },
    });
    const legacy = vector("django-3.2.25", "legacy-sha1");
    const sha1 = decodeOne([...args, "--digest", "sha1", legacy.cookie_value]);
    expect(sha1.record).toMatchObject({ status: "valid", data: { n: 2 } });
  });

  it("verifies cookie-session with the NAME.sig value given as --sig", () => {
    const v = vector("cookie-session-2.1.1", "tiny");
    const [newest, older] = v.keys!;
    const args = ["--format", "cookie-session", "--secret", newest!, "--fallback", older!];
    const { run, record } = decodeOne([...args, "--sig", v.sig_cookie_value!, v.cookie_value]);
    expect(run.status).toBe(0);
    expect(record).toMatchObject({ format: "cookie-session", status: "valid", data: { n: 1 } });
    const withoutSig = decodeOne([...args, v.cookie_value]);
    expect(withoutSig.run.status).toBe(1);
    expect(withoutSig.record.status).toBe("bad_signature");
  });

  it("reports the keygrip key that verified cookie-session as a fallback", () => {
    const v = vector("cookie-session-2.1.1", "signed-with-old-key");
    const [newest, older] = vector("cookie-session-2.1.1", "rotation-old-key-accepted").keys!;
    expect(v.keys).toEqual([older]);
    const { record } = decodeOne([
      "--format",
      "cookie-session",
      "--secret",
      newest!,
      "--fallback",
      older!,
      "--sig",
      v.sig_cookie_value!,
      v.cookie_value,
    ]);
    expect(record).toMatchObject({ status: "valid", key: "fallback:0" });
  });

  it("verifies a percent-encoded express-session id; data is the id as a string", () => {
    const v = vector("express-session-1.19.0", "fixed-id");
    const { run, record } = decodeOne([
      "--format",
      "express-session",
      "--secret",
      v.secrets![0]!,
      v.cookie_value,
    ]);
    expect(run.status).toBe(0);
    expect(record).toMatchObject({
      format: "express-session",
      status: "valid",
      data: "pUbLiC-sEsSiOn-Id_0123456789abcdef",
    });
  });
});

describe("decode: malformed input", () => {
  it("answers malformed with exit 2, its NDJSON line, and one stderr line naming the cookie", () => {
    const run = runCli(["decode", "this is not a cookie"]);
    expect(run.status).toBe(2);
    expect(records(run)).toMatchObject([{ status: "malformed", data: null, key: null }]);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^sessionlens: argument 1 is malformed: \S/);
  });

  it("lets malformed (2) win over bad_signature (1)", () => {
    const v = vector("flask-3.1.3", "tiny");
    const run = runCli(["decode", "--secret", "wrong", v.cookie_value, "this is not a cookie"]);
    expect(records(run).map((r) => r.status)).toEqual(["bad_signature", "malformed"]);
    expect(run.status).toBe(2);
  });
});

describe("decode: cookie-session --unsigned", () => {
  const v = vector("cookie-session-2.1.1", "unsigned");

  it("reads an app's signed: false cookie with no key as valid, key null, exit 0", () => {
    const { run, record } = decodeOne(["--format", "cookie-session", "--unsigned", v.cookie_value]);
    expect(run.status).toBe(0);
    expect(record).toMatchObject({ status: "valid", data: { n: 4 }, key: null });
  });

  it("refuses --unsigned for another format, naming the one it belongs to", () => {
    const run = runCli(["decode", "--format", "flask", "--unsigned", v.cookie_value]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--unsigned .* --format cookie-session/);
  });
});
