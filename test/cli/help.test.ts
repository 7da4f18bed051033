/**
 * --help / help <command> / --version, and the bin shim's message when the bundle is missing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_IDS } from "../../src/codec/types";
import { buildCli, ROOT, runCli } from "./cli-harness";

beforeAll(buildCli, 120_000);

describe("help", () => {
  const overview = runCli(["--help"]);

  it("prints the overview on stdout with exit 0", () => {
    expect(overview.status).toBe(0);
    expect(overview.stderr).toBe("");
    expect(runCli(["help"]).stdout).toBe(overview.stdout);
    expect(runCli(["-h"]).stdout).toBe(overview.stdout);
  });

  it("describes every format, one per line", () => {
    for (const id of ["auto", ...FORMAT_IDS]) {
      expect(overview.stdout).toMatch(new RegExp(`^ {2}${id} +\\S`, "m"));
    }
  });

  it("teaches with examples: a secret, stdin with -, --timestamp, cookie-session --sig", () => {
    expect(overview.stdout).toMatch(/sessionlens decode --format flask --secret/);
    expect(overview.stdout).toMatch(/\| sessionlens decode .* -\n/);
    expect(overview.stdout).toMatch(/sessionlens sign .*--timestamp \d+/);
    expect(overview.stdout).toMatch(/--format cookie-session[^\n]*\\\n\s+--sig/);
  });

  it("lists the exit codes", () => {
    expect(overview.stdout).toMatch(/^ {2}0 {2}every cookie is valid, valid_legacy or unverified/m);
    expect(overview.stdout).toMatch(
      /^ {2}1 {2}some cookie is bad_signature, expired or bad_payload/m,
    );
    expect(overview.stdout).toMatch(
      /^ {2}2 {2}some cookie is malformed, or the command line is wrong/m,
    );
  });

  it.each(["decode", "sign", "convert", "audit", "timeline"])(
    "lists %s in the overview; help, --help and -h print its page; help and version win",
    (command) => {
      expect(overview.stdout).toMatch(new RegExp(`^ {2}sessionlens ${command} `, "m"));
      const page = runCli(["help", command]);
      expect(page.status, page.stderr).toBe(0);
      expect(runCli([command, "--help"]).stdout).toBe(page.stdout);
      expect(runCli([command, "-h"]).stdout).toBe(page.stdout);
      // help and version win over any other word before --, even a wrong one
      expect(runCli([command, "--bogus", "--help"]).stdout).toBe(page.stdout);
      const version = runCli([command, "--bogus", "--version"]);
      expect(version.status, version.stderr).toBe(0);
      expect(version.stdout).toMatch(/^sessionlens \d+\.\d+\.\d+\n$/);
      expect(runCli([command, "-V"]).stdout).toBe(version.stdout);
    },
  );

  it("has a decode page (help decode = decode --help) with statuses and options", () => {
    const page = runCli(["help", "decode"]);
    expect(page.status).toBe(0);
    expect(runCli(["decode", "--help"]).stdout).toBe(page.stdout);
    for (const word of [
      "valid_legacy",
      "bad_payload",
      "unverified",
      "--fallback-hex",
      "--max-age",
      "--sig",
    ]) {
      expect(page.stdout).toContain(word);
    }
  });

  it("has a sign page with --timestamp and the cookie-session second line", () => {
    const page = runCli(["sign", "--help", "--bogus-option-ignored"]);
    expect(page.status).toBe(0);
    expect(page.stdout).toContain("--timestamp UNIX");
    expect(page.stdout).toMatch(/second\s+line is the NAME\.sig value/);
  });

  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const run = runCli(["--version"]);
    expect(run.stdout).toBe(`sessionlens ${version}\n`);
    expect(run.status).toBe(0);
  });
});

describe("bin shim", () => {
  const fakeRoot = mkdtempSync(join(tmpdir(), "sessionlens-shim-"));
  afterAll(() => rmSync(fakeRoot, { recursive: true, force: true }));

  it("says how to build when the bundle is missing, exit 2", () => {
    mkdirSync(join(fakeRoot, "bin"));
    copyFileSync(join(ROOT, "bin/sessionlens.mjs"), join(fakeRoot, "bin/sessionlens.mjs"));
    const run = spawnSync(process.execPath, [join(fakeRoot, "bin/sessionlens.mjs"), "--help"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("sessionlens is not built yet: run `npm run build:cli`\n");
  });
});
