/**
 * Codec errors say what is wrong in the codec's own terms and name the CodecOptions field at
 * fault; they never tell the reader which command-line flag to pass (the CLI adds that, see
 * test/cli/usage.test.ts). Checked two ways: every message the sign API throws for a known
 * trigger, and every string in the codec's source.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CodecError,
  type CodecOptions,
  dict,
  type FormatId,
  signSession,
} from "../../../src/codec";
import type { Value } from "../../../src/codec/value";

const CLI_FLAG = /(^|[\s("'`])--[a-z]/;

function thrown(format: FormatId, data: Value, opts: CodecOptions): CodecError {
  try {
    signSession(format, data, opts);
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw e;
  }
  throw new Error(`signing ${format} did not throw`);
}

describe("codec error messages", () => {
  const session = dict([["user", "alice"]]);
  it.each([
    ["flask", session, {}, "no_secret", "secret"],
    ["starlette", session, {}, "no_secret", "secret"],
    ["django", session, {}, "no_secret", "secret"],
    ["itsdangerous", session, {}, "no_secret", "secret"],
    ["cookie-session", session, {}, "no_secret", "secret"],
    ["express-session", "abc", {}, "no_secret", "secret"],
    ["flask", session, { secret: "k", timestamp: -1 }, "bad_option", "timestamp"],
    ["django", session, { secret: "k", timestamp: 1.5 }, "bad_option", "timestamp"],
    ["flask", "not a dict", { secret: "k" }, "unencodable", undefined],
  ] as const)("%s %j %j: %s naming option %s, no CLI flag", (format, data, opts, code, option) => {
    const error = thrown(format, data, opts);
    expect(error.code).toBe(code);
    expect(error.option).toBe(option);
    expect(error.message).not.toMatch(CLI_FLAG);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("no string in the codec's source names a command-line flag", () => {
    const root = new URL("../../../src/codec/", import.meta.url).pathname;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith(".ts") && !path.endsWith(".test.ts")) {
          const lines = readFileSync(path, "utf8").split("\n");
          lines.forEach((line, i) => {
            const code = line.replace(/^\s*(\/\/|\*|\/\*\*).*$/, "");
            if (CLI_FLAG.test(code))
              offenders.push(`${path.slice(root.length)}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
