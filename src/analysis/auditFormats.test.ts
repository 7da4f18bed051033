import { describe, expect, it } from "vitest";
import { decodeCookie, signSession } from "../codec";
import { dict } from "../codec/value";
import type { SideJudgement } from "./agreement";
import { auditFormats, auditSigning } from "./auditFormats";

const value = signSession("flask", dict([["n", 1]]), { secret: "s", timestamp: 1767237945 }).value;
const result = decodeCookie("flask", value, {});

describe("auditFormats", () => {
  it("a reading by shape alone: the guess, then every other format the shape fits", () => {
    expect(auditFormats({ result, via: null }, ["flask", "itsdangerous", "starlette"])).toEqual([
      "flask",
      "itsdangerous",
      "starlette",
    ]);
  });

  it("a side's reading: only that side's format", () => {
    const via = { outcome: "bad-signature" } as SideJudgement;
    expect(auditFormats({ result, via }, ["flask", "itsdangerous", "starlette"])).toEqual([
      "flask",
    ]);
  });

  it("nothing readable: the detected formats; nothing detected: none", () => {
    expect(auditFormats(null, ["django"])).toEqual(["django"]);
    expect(auditFormats(null, [])).toEqual([]);
  });
});

describe("auditSigning", () => {
  const side = (format: "flask" | "starlette", options = {}) =>
    ({ side: { format, options } }) as unknown as SideJudgement;
  it("takes the reading side's salt, digest and key derivation for its own format", () => {
    const via = side("flask", { salt: "s1", digest: "sha256", keyDerivation: "concat", maxAge: 5 });
    expect(auditSigning({ result, via }, "flask")).toEqual({
      salt: "s1",
      digest: "sha256",
      keyDerivation: "concat",
    });
  });
  it("leaves another format, and a reading by shape, to their defaults", () => {
    expect(auditSigning({ result, via: side("flask", { salt: "s1" }) }, "starlette")).toEqual({});
    expect(auditSigning({ result, via: null }, "flask")).toEqual({});
    expect(auditSigning(null, "flask")).toEqual({});
  });
});
