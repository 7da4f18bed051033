import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeCookie, signSession } from "../index";
import { FORMAT_IDS } from "../types";
import { dict } from "../value";
import { FORMAT_INFO, signingOf } from "./info";

const SRC = fileURLToPath(new URL("../..", import.meta.url));
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the format table is the one copy of each format's defaults", () => {
  // A salt that is also a format id ("cookie-session") is only a salt after `salt`.
  const saltPatterns = FORMAT_IDS.flatMap((f) => {
    const { salt } = FORMAT_INFO[f].signing;
    if (salt === "") return [];
    const quoted = `["'\`]${salt.replaceAll(".", "\\.")}["'\`]`;
    const isFormatId = (FORMAT_IDS as readonly string[]).includes(salt);
    return [new RegExp(isFormatId ? `salt\\W{0,12}${quoted}` : quoted, "i")];
  });

  it("no source file but the table spells a default salt (code and comments alike)", () => {
    const offenders = sourceFiles(SRC)
      .filter((path) => !path.endsWith(join("codec", "formats", "info.ts")))
      .flatMap((path) => {
        const text = readFileSync(path, "utf8");
        return saltPatterns
          .filter((p) => p.test(text))
          .map((p) => `${relative(SRC, path)}: ${p.source}`);
      });
    expect(offenders).toEqual([]);
  });

  it.each(FORMAT_IDS.filter((f) => FORMAT_INFO[f].holdsSessionData))(
    "%s signs with the table's parameters when a side sets none",
    (format) => {
      const data = dict([["n", 1]]);
      const implicit = signSession(format, data, { secret: "k", timestamp: 1_700_000_000 });
      const explicit = signSession(format, data, {
        secret: "k",
        timestamp: 1_700_000_000,
        ...signingOf(format, {}),
      });
      expect(explicit).toEqual(implicit);
      // and a different salt (where there is one) really changes the signature
      if (FORMAT_INFO[format].signing.saltedSigner) {
        const other = signSession(format, data, {
          secret: "k",
          timestamp: 1_700_000_000,
          salt: "x",
        });
        expect(other.value).not.toBe(implicit.value);
      }
    },
  );

  it("express-session signs only with sha256, whatever a side asks", () => {
    expect(signingOf("express-session", { digest: "sha1" }).digest).toBe("sha256");
  });

  it("a format that holds no session data is the only one whose cookie decodes to a bare id", () => {
    const value = signSession("express-session", "abc", { secret: "k" }).value;
    expect(decodeCookie("express-session", value, { secret: "k" }).data).toBe("abc");
    expect(FORMAT_IDS.filter((f) => !FORMAT_INFO[f].holdsSessionData)).toEqual(["express-session"]);
  });
});
