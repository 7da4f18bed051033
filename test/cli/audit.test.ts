/**
 * `sessionlens audit` as docs/cli.md §9 has it: one JSON line, exit 0 found / 1 not found / 2 bad
 * input, lists from files (CRLF, binary, missing), the built-in list, --hashcat.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildCli, records, runCli } from "./cli-harness";

beforeAll(buildCli, 120_000);
// Each test starts worker threads and checks ~53,000 candidates; slow only on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), "sessionlens-audit-"));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
function signed(format: string, secret: string, data = '{"user":"alice"}', extra: string[] = []) {
  const run = runCli([
    "sign",
    "--format",
    format,
    "--secret",
    secret,
    "--timestamp",
    "1767237945",
    ...extra,
    data,
  ]);
  expect(run.status).toBe(0);
  return run.lines;
}

describe("audit", () => {
  it("finds a built-in secret and prints the contract's line", () => {
    const [cookie] = signed("flask", "super-secret");
    const run = runCli(["audit", "--workers", "2", cookie!]);
    expect(run.status).toBe(0);
    const [r] = records(run);
    expect(Object.keys(r!)).toEqual([
      "format",
      "found",
      "secret",
      "secret_hex",
      "tried",
      "seconds",
      "rate",
    ]);
    expect(r).toMatchObject({
      format: "flask",
      found: true,
      secret: "super-secret",
      secret_hex: "73757065722d736563726574",
    });
    expect(run.stderr).toBe(""); // no progress when stderr is not a terminal
  });

  it("exits 1 when the secret is in no list", () => {
    const [cookie] = signed("django", "a-strong-and-unlisted-one", '{"n":1}');
    const run = runCli(["audit", "--format", "django", cookie!]);
    expect(run.status).toBe(1);
    expect(records(run)[0]).toMatchObject({
      format: "django",
      found: false,
      secret: null,
      secret_hex: null,
    });
    expect((records(run)[0]!.tried as number) > 50000).toBe(true);
  });

  it("under auto tries every format the shape fits: a bare itsdangerous cookie is found", () => {
    const [cookie] = signed("itsdangerous", "changeme");
    const run = runCli(["audit", "--workers", "2", cookie!]);
    expect(run.status).toBe(0);
    expect(records(run)[0]).toMatchObject({ format: "itsdangerous", secret: "changeme" });
    // not found: every fitting format was tried, and the line names the best guess
    const [strong] = signed("flask", "a-strong-and-unlisted-one");
    const none = runCli(["audit", "--workers", "2", strong!]);
    expect(none.status).toBe(1);
    const [r] = records(none);
    expect(r).toMatchObject({ format: "flask", found: false });
    const once = runCli(["audit", "--workers", "2", "--format", "flask", strong!]);
    expect(r!.tried).toBe(3 * (records(once)[0]!.tried as number)); // flask, itsdangerous, starlette
  });

  it("reads CRLF wordlists and non-UTF-8 secrets, and says a list is binary", () => {
    const [cookie] = signed("starlette", "crlf-secret", '{"n":1}');
    const list = file("crlf.txt", "a\r\nb\r\ncrlf-secret\r\n");
    expect(
      records(runCli(["audit", "--no-builtin", "--wordlist", list, cookie!]))[0],
    ).toMatchObject({ found: true, secret: "crlf-secret" });

    const [hexCookie] = runCli([
      "sign",
      "--format",
      "flask",
      "--secret-hex",
      "ff00fe",
      "--timestamp",
      "1",
      '{"n":1}',
    ]).lines;
    const garbage = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    const binary = file(
      "binary.bin",
      Buffer.concat([garbage, Buffer.from([10, 0xff, 0x00, 0xfe, 10])]),
    );
    const run = runCli(["audit", "--no-builtin", "--wordlist", binary, hexCookie!]);
    expect(run.status).toBe(0);
    expect(records(run)[0]).toMatchObject({ found: true, secret: null, secret_hex: "ff00fe" });
    expect(run.stderr).toMatch(/binary\.bin is not UTF-8 text.*tried as raw bytes/);
  });

  it("audits cookie-session with its .sig and express-session", () => {
    const [value, sig] = signed("cookie-session", "keyboard cat", '{"n":1}');
    const cs = runCli(["audit", "--format", "cookie-session", "--sig", sig!, value!]);
    expect(records(cs)[0]).toMatchObject({
      format: "cookie-session",
      found: true,
      secret: "keyboard cat",
    });
    const [id] = signed("express-session", "keyboard cat", '"abc123"');
    expect(records(runCli(["audit", id!]))[0]).toMatchObject({
      format: "express-session",
      found: true,
    });
  });

  it("exits 2 with one clear line for bad input", () => {
    const missing = runCli([
      "audit",
      "--wordlist",
      join(dir, "nope.txt"),
      "eyJuIjoxfQ.aVXpOQ.3NjFYxy5hj-eAwBH-GGGIZtVkHY",
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--wordlist .*nope\.txt cannot be read \(ENOENT\)/);
    const noSig = runCli(["audit", "--format", "cookie-session", "eyJuIjoxfQ=="]);
    expect(noSig.status).toBe(2);
    expect(noSig.stderr).toMatch(/--sig/);
    const crowd = runCli([
      "audit",
      "--workers",
      "100000",
      "eyJuIjoxfQ.aVXpOQ.3NjFYxy5hj-eAwBH-GGGIZtVkHY",
    ]);
    expect(crowd.status).toBe(2);
    expect(crowd.stderr).toMatch(/--workers needs a whole number from 1 to \d+ \(4 per core here/);
    const garbage = runCli(["audit", "not a cookie"]);
    expect(garbage.status).toBe(2);
    expect(garbage.stdout).toBe("");
  });

  it("--hashcat gives mode 29100 for Flask and says why not for Starlette", () => {
    const [flask] = signed("flask", "s");
    const r = runCli(["audit", "--hashcat", flask!]);
    expect(r.status).toBe(0);
    expect(records(r)[0]).toMatchObject({ format: "flask", hashcat: { mode: 29100, hash: flask } });
    const [star] = signed("starlette", "s");
    const s = runCli(["audit", "--hashcat", star!]);
    expect(s.status).toBe(2);
    expect(records(s)[0]).toMatchObject({ hashcat: null });
    expect(records(s)[0]!.detail).toMatch(/no mode for starlette/);
  });
});
