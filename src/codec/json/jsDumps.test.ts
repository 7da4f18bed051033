import { describe, expect, it } from "vitest";
import { loadVectorFiles } from "../../../test/unit/vectorOptions";
import {
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../value";
import { JsonError } from "./errors";
import { isArrayIndexKey, jsDumps } from "./jsDumps";
import { parseJson } from "./parse";

describe("jsDumps on the cookie-session vectors", () => {
  const vectors = loadVectorFiles().flatMap(({ vectors }) =>
    vectors.filter((v) => v.format === "cookie-session" && v.payload_json !== undefined),
  );
  it("has vectors to check", () => expect(vectors.length).toBeGreaterThan(10));
  for (const v of vectors) {
    it(`${v.id}: re-encodes the payload byte for byte`, () => {
      const payload = v.payload_json as string;
      expect(jsDumps(parseJson(payload, "js"))).toBe(payload);
    });
  }
});

describe("jsDumps", () => {
  const m = (entries: [string, Value][]) => new Map<string, Value>(entries);

  it("lists array-index keys first, ascending, then the rest in insertion order", () => {
    const value = m([
      ["b", 1],
      ["10", 2],
      ["a", 3],
      ["2", 4],
      ["02", 5],
      ["-1", 6],
      ["4294967295", 7],
      ["4294967294", 8],
      ["__proto__", 9],
    ]);
    const text = jsDumps(value);
    expect(text).toBe(
      '{"2":4,"10":2,"4294967294":8,"b":1,"a":3,"02":5,"-1":6,"4294967295":7,"__proto__":9}',
    );
    const viaObject = JSON.parse(text) as Record<string, unknown>;
    expect(JSON.stringify(viaObject)).toBe(text);
  });

  it("recognises canonical array indices only", () => {
    expect(["0", "7", "42", "4294967294"].every(isArrayIndexKey)).toBe(true);
    expect(
      ["", "00", "07", "-1", "1.0", "1e3", "4294967295", "99999999999", " 1"].some(isArrayIndexKey),
    ).toBe(false);
  });

  it("writes numbers as JSON.stringify does", () => {
    const value = [
      1,
      -0,
      0.1,
      1e21,
      1e-7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      pyFloat(1),
      pyFloat(2.5),
    ];
    expect(jsDumps(value)).toBe("[1,0,0.1,1e+21,1e-7,null,null,1,2.5]");
  });

  it("escapes strings as JSON.stringify does: raw UTF-8, escaped lone surrogates", () => {
    const s = 'é😀\u2028\u007f\u0000\n"\\/\ud800';
    expect(jsDumps(s)).toBe(JSON.stringify(s));
    expect(jsDumps(s)).toBe('"é😀\u2028\u007f\\u0000\\n\\"\\\\/\\ud800"');
  });

  it("writes a tuple as an array", () => {
    expect(jsDumps(m([["t", pyTuple([1, "x"])]]))).toBe('{"t":[1,"x"]}');
  });

  it.each([
    [pyBigInt(2n ** 64n), "integers beyond ±(2^53−1) cannot be stored in a cookie-session session"],
    [pyBytes(new Uint8Array([1])), "bytes values cannot be stored in a cookie-session session"],
    [pyUuid("12345678123456781234567812345678"), "UUID values cannot be stored"],
    [pyDateTime(0), "datetime values cannot be stored"],
    [pyMarkup("x"), "Markup values cannot be stored"],
  ])("refuses the Python-only %o", (value, message) => {
    expect(() => jsDumps(m([["k", value]]))).toThrow(JsonError);
    expect(() => jsDumps(m([["k", value]]))).toThrow(message);
  });

  it("refuses 10000 levels of nesting with a JsonError", () => {
    let deep: Value = m([]);
    for (let i = 0; i < 10000; i++) deep = m([["a", deep]]);
    expect(() => jsDumps(deep)).toThrow("nested deeper than 512 levels");
  });
});
