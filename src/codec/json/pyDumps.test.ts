import { readFileSync } from "node:fs";
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
import { parseJson } from "./parse";
import {
  COMPACT_DIALECT,
  DJANGO_DIALECT,
  FLASK_DIALECT,
  type PyJsonDialect,
  pyDumps,
  STARLETTE_DIALECT,
} from "./pyDumps";

/** Python json.dumps of random values in four dialects, frozen by test/fixtures/codec-json/generate.py. */
const PY_DUMPS = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/codec-json/py-dumps.json", import.meta.url), "utf8"),
) as { input: string; flask: string; starlette: string; compact: string; django: string }[];

const DIALECTS = {
  flask: FLASK_DIALECT,
  starlette: STARLETTE_DIALECT,
  compact: COMPACT_DIALECT,
  django: DJANGO_DIALECT,
} as const;

/** Payloads that a vector file holds but another dialect wrote (a Starlette cookie shown to Flask). */
const WRITTEN_BY_ANOTHER_FORMAT = /\/starlette-cookie-same-secret$/;

describe("pyDumps on the golden vectors", () => {
  for (const { file, vectors } of loadVectorFiles()) {
    for (const v of vectors) {
      const dialectFields = v.json_dialect as
        | { sort_keys: boolean; ensure_ascii: boolean; separators: [string, string] }
        | undefined;
      const payload = v.payload_json;
      if (payload === undefined || WRITTEN_BY_ANOTHER_FORMAT.test(v.id)) continue;
      let dialect: PyJsonDialect | undefined;
      if (dialectFields) {
        dialect = {
          sortKeys: dialectFields.sort_keys,
          ensureAscii: dialectFields.ensure_ascii,
          separators: dialectFields.separators,
        };
      } else if (v.format === "itsdangerous-urlsafe-timed") {
        dialect = COMPACT_DIALECT;
      }
      if (!dialect) continue;
      const d = dialect;
      if (v.expect === "bad_payload" && v.id.endsWith("bad-payload-json")) {
        it(`${file} ${v.id}: the broken payload is a JsonError`, () => {
          expect(() => parseJson(payload, "python")).toThrow(JsonError);
        });
        continue;
      }
      it(`${file} ${v.id}: re-encodes the payload byte for byte`, () => {
        expect(pyDumps(parseJson(payload, "python"), d)).toBe(payload);
      });
    }
  }
});

describe("pyDumps against CPython", () => {
  it(`matches json.dumps on ${PY_DUMPS.length} frozen random values in every dialect`, () => {
    for (const c of PY_DUMPS) {
      const value = parseJson(c.input, "python");
      for (const [name, dialect] of Object.entries(DIALECTS)) {
        expect(pyDumps(value, dialect), `${name}: ${c.input}`).toBe(
          c[name as keyof typeof DIALECTS],
        );
      }
    }
  });
});

describe("pyDumps byte rules", () => {
  const m = (entries: [string, Value][]) => new Map<string, Value>(entries);

  it("sorts keys by code point, recursively", () => {
    const keys = ["😀", "\uffff", "é", "b", "a", "_x", "Z", "B", "2", "10", " ", ""];
    const value = m([["outer", m(keys.map((k) => [k, 1]))]]);
    expect(pyDumps(value, { ...COMPACT_DIALECT, sortKeys: true })).toBe(
      '{"outer":{"":1," ":1,"10":1,"2":1,"B":1,"Z":1,"_x":1,"a":1,"b":1,"é":1,"\uffff":1,"😀":1}}',
    );
  });

  it("orders a lone surrogate before U+E000 and an astral character after it", () => {
    const value = m([
      ["\ud83d\ude00", 1],
      ["\ue000", 2],
      ["\ud83d", 3],
    ]);
    expect(pyDumps(value, FLASK_DIALECT)).toBe('{"\\ud83d":3,"\\ue000":2,"\\ud83d\\ude00":1}');
  });

  it("escapes as ensure_ascii does, and only controls, quote and backslash without it", () => {
    const s = "q\" b\\ / < > & ' \n\r\t\b\f \u0000\u001f\u007f\u0080é\u2028😀";
    expect(pyDumps(s, FLASK_DIALECT)).toBe(
      '"q\\" b\\\\ / < > & \' \\n\\r\\t\\b\\f \\u0000\\u001f\\u007f\\u0080\\u00e9\\u2028\\ud83d\\ude00"',
    );
    expect(pyDumps(s, COMPACT_DIALECT)).toBe(
      '"q\\" b\\\\ / < > & \' \\n\\r\\t\\b\\f \\u0000\\u001f\u007f\u0080é\u2028😀"',
    );
  });

  it("writes numbers as Python does", () => {
    const value = [
      1,
      -0,
      pyFloat(1),
      pyFloat(-0),
      pyFloat(1e-7),
      pyFloat(1e16),
      pyFloat(Number.NaN),
      pyFloat(Number.NEGATIVE_INFINITY),
      pyBigInt(2n ** 64n + 1n),
      0.5,
      2 ** 60,
    ];
    expect(pyDumps(value, STARLETTE_DIALECT)).toBe(
      "[1, 0, 1.0, -0.0, 1e-07, 1e+16, NaN, -Infinity, 18446744073709551617, 0.5, 1152921504606846976]",
    );
  });

  it("writes tuples as lists and uses the dialect's separators", () => {
    const value = m([
      ["t", pyTuple([1, "a", null, true])],
      ["e", m([])],
      ["l", []],
    ]);
    expect(pyDumps(value, STARLETTE_DIALECT)).toBe('{"t": [1, "a", null, true], "e": {}, "l": []}');
    expect(pyDumps(value, FLASK_DIALECT)).toBe('{"e":{},"l":[],"t":[1,"a",null,true]}');
  });

  it.each([
    [
      pyBytes(new Uint8Array([1])),
      "bytes values cannot be written as plain JSON (Python's json.dumps raises TypeError)",
    ],
    [pyUuid("12345678123456781234567812345678"), "UUID values cannot"],
    [pyDateTime(0), "datetime values cannot"],
    [pyMarkup("<b>"), "Markup values cannot"],
  ])("refuses %o, naming the type", (value, message) => {
    expect(() => pyDumps([value], DJANGO_DIALECT)).toThrow(JsonError);
    expect(() => pyDumps([value], DJANGO_DIALECT)).toThrow(message);
  });

  it("refuses values nested deeper than 512 levels instead of overflowing the stack", () => {
    let deep: Value = [];
    for (let i = 0; i < 10000; i++) deep = [deep];
    expect(() => pyDumps(deep, FLASK_DIALECT)).toThrow("nested deeper than 512 levels");
    let ok: Value = [];
    for (let i = 1; i < 512; i++) ok = [ok];
    expect(pyDumps(ok, FLASK_DIALECT)).toBe("[".repeat(512) + "]".repeat(512));
  });
});
