import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pyBigInt, pyFloat, type Value } from "../value";
import { JsonError } from "./errors";
import { parseJson } from "./parse";

/** [text, did Python's json.loads accept it], frozen by test/fixtures/codec-json/generate.py. */
const PY_LOADS = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/codec-json/py-loads.json", import.meta.url), "utf8"),
) as [string, boolean][];

function accepts(text: string, mode: "python" | "js"): boolean {
  try {
    parseJson(text, mode);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(JsonError);
    return false;
  }
}

function errorOf(text: string, mode: "python" | "js" = "python"): string {
  try {
    parseJson(text, mode);
  } catch (e) {
    expect(e).toBeInstanceOf(JsonError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

const nest = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("parseJson in python mode", () => {
  it("keeps int and float lexemes apart", () => {
    const v = parseJson('{"i":1,"f":1.0,"e":1e5,"z":-0,"fz":-0.0,"neg":-42}', "python");
    expect(v).toEqual(
      new Map<string, Value>([
        ["i", 1],
        ["f", pyFloat(1)],
        ["e", pyFloat(100000)],
        ["z", 0],
        ["fz", pyFloat(-0)],
        ["neg", -42],
      ]),
    );
    expect(Object.is((v as Map<string, Value>).get("z"), 0)).toBe(true);
  });

  it("reads integers past 2^53 exactly as PyBigInt, and safe ones as numbers", () => {
    expect(parseJson("18446744073709551617", "python")).toEqual(pyBigInt(18446744073709551617n));
    expect(parseJson("-9223372036854775808", "python")).toEqual(pyBigInt(-9223372036854775808n));
    expect(parseJson("9007199254740992", "python")).toEqual(pyBigInt(9007199254740992n));
    expect(parseJson("9007199254740991", "python")).toBe(9007199254740991);
    expect(parseJson("-9007199254740991", "python")).toBe(-9007199254740991);
    expect(parseJson("1234567890123456", "python")).toBe(1234567890123456);
  });

  it("accepts NaN, Infinity and -Infinity as floats", () => {
    expect(parseJson("[NaN,Infinity,-Infinity]", "python")).toEqual([
      pyFloat(Number.NaN),
      pyFloat(Number.POSITIVE_INFINITY),
      pyFloat(Number.NEGATIVE_INFINITY),
    ]);
  });

  it("keeps object keys in textual order, integer-like keys included", () => {
    const v = parseJson('{"b":1,"10":2,"2":3,"a":4}', "python") as Map<string, Value>;
    expect([...v.keys()]).toEqual(["b", "10", "2", "a"]);
  });

  it("gives a duplicate key the last value at its first position", () => {
    const v = parseJson('{"a":1,"b":2,"a":3}', "python") as Map<string, Value>;
    expect([...v]).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
  });

  it("decodes every escape, keeping lone surrogates and joining pairs", () => {
    expect(parseJson('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\ud83d"', "python")).toBe(
      '"\\/\b\f\n\r\té😀\ud83d',
    );
    expect(parseJson('"plain"', "python")).toBe("plain");
    expect(parseJson('"a\\nb" ', "python")).toBe("a\nb");
  });

  it("keeps __proto__ as an ordinary key", () => {
    const v = parseJson('{"__proto__":{"x":1}}', "python") as Map<string, Value>;
    expect([...v.keys()]).toEqual(["__proto__"]);
  });

  it(`accepts exactly what CPython's json.loads accepts (${PY_LOADS.length} frozen texts)`, () => {
    const disagreements = PY_LOADS.filter(([text, ok]) => accepts(text, "python") !== ok);
    expect(disagreements).toEqual([]);
  });

  it("refuses integers longer than Python's 4300-digit limit", () => {
    expect(errorOf("1".repeat(4301))).toContain("4301 digits");
    expect(parseJson("1".repeat(4300), "python")).toEqual(pyBigInt(BigInt("1".repeat(4300))));
  });
});

describe("parseJson in js mode", () => {
  it("makes every number a plain double, like JSON.parse", () => {
    expect(parseJson("[1.0,1e21,18446744073709551617,0.1,-0]", "js")).toEqual([
      1,
      1e21,
      2 ** 64,
      0.1,
      -0,
    ]);
    expect(Object.is(parseJson("-0", "js") as number, -0)).toBe(true);
  });

  it("rejects NaN and Infinity", () => {
    for (const text of ["NaN", "Infinity", "-Infinity", "[NaN]"])
      expect(accepts(text, "js")).toBe(false);
  });

  it("accepts exactly what JSON.parse accepts on the frozen texts", () => {
    const jsAccepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    // JSON.parse has no depth limit; ours stops at 512 levels on purpose.
    const texts = PY_LOADS.map(([t]) => t).filter((t) => !t.startsWith("[[[["));
    expect(texts.filter((t) => accepts(t, "js") !== jsAccepts(t))).toEqual([]);
  });

  it("reads JSON.stringify's output back to the same value", () => {
    const obj = {
      s: "x\u2028y\ud800",
      n: [0, -1.5, 1e-7, 123456789],
      b: [true, false, null],
      o: {},
    };
    expect(parseJson(JSON.stringify(obj), "js")).toEqual(
      new Map<string, Value>([
        ["s", "x\u2028y\ud800"],
        ["n", [0, -1.5, 1e-7, 123456789]],
        ["b", [true, false, null]],
        ["o", new Map()],
      ]),
    );
  });
});

describe("parseJson errors", () => {
  it("says what was expected and where (0-based character, as Python reports)", () => {
    expect(errorOf('{"a" 1}')).toBe(
      "invalid JSON at character 5: expected ':' after an object key, found '1'",
    );
    expect(errorOf("[1,2")).toBe(
      "invalid JSON at character 4: expected ',' or ']' after an array item, found the end of the text",
    );
    expect(errorOf('{"a":1,}')).toContain("expected an object key in double quotes");
    expect(errorOf('"a\u0001"')).toBe(
      "invalid JSON at character 2: control character U+0001 inside a string must be escaped",
    );
    expect(errorOf('"abc')).toBe("invalid JSON at character 0: unterminated string");
    expect(errorOf('"\\x"')).toContain("invalid escape");
    expect(errorOf('"\\u12"')).toContain("exactly 4 hex digits");
    expect(errorOf("[1] x")).toContain("after the end of the JSON value");
    expect(errorOf("-")).toContain("expected a digit after '-'");
    expect(errorOf("\ufeff{}")).toContain("byte order mark");
  });

  it("rejects empty and blank text", () => {
    expect(errorOf("")).toBe("invalid JSON: the text is empty");
    expect(errorOf(" \n")).toBe("invalid JSON: only whitespace");
  });

  it("accepts 512 levels of nesting and refuses 513", () => {
    expect(accepts(nest(512), "python")).toBe(true);
    expect(errorOf(nest(513))).toContain("nested deeper than 512 levels");
    expect(errorOf(`${'{"a":'.repeat(513)}1${"}".repeat(513)}`, "js")).toContain("512 levels");
  });

  it("refuses 10000 levels with a JsonError, not a stack overflow", () => {
    expect(errorOf(nest(10000))).toContain("nested deeper than 512 levels");
    expect(errorOf("[".repeat(100000), "js")).toContain("nested deeper than 512 levels");
  });
});
