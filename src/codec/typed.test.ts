import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadVectorFiles } from "../../test/unit/vectorOptions";
import { pyFloatRepr } from "./json/floatRepr";
import { parseJson } from "./json/parse";
import { COMPACT_DIALECT, pyDumps } from "./json/pyDumps";
import {
  fromTypedJson,
  fromTypedJsonJs,
  TypedJsonError,
  toTypedJson,
  toTypedPlain,
  uuidDashed,
} from "./typed";
import {
  isDict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "./value";

/** A Value as plain data where Map order and float reprs are visible to toEqual. */
function ordered(v: Value): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (isDict(v)) return { map: [...v].map(([k, x]) => [k, ordered(x)]) };
  if (v !== null && typeof v === "object") {
    if (v.kind === "float") return { float: pyFloatRepr(v.value) };
    if (v.kind === "bigint") return { bigint: v.value.toString() };
  }
  return v;
}

const m = (entries: [string, Value][]) => new Map<string, Value>(entries);
const VECTOR_DIR = new URL("../../test/fixtures/vectors/", import.meta.url);

describe("typed JSON of every vector's expected_decoded", () => {
  for (const { file, vectors } of loadVectorFiles()) {
    const withDecoded = vectors.filter((v) => v.expected_decoded !== undefined);
    if (withDecoded.length === 0) continue;
    it(`${file}: ${withDecoded.length} values survive fromTypedJson → toTypedJson`, () => {
      for (const v of withDecoded) {
        const read = v.format === "cookie-session" ? fromTypedJsonJs : fromTypedJson;
        const text = toTypedJson(read(JSON.stringify(v.expected_decoded)));
        expect(JSON.parse(text), v.id).toEqual(v.expected_decoded);
      }
    });
  }

  const files = readdirSync(VECTOR_DIR).filter((f) => f.endsWith(".json"));
  it.each(files)("%s: key order and float text are kept exactly", (file) => {
    // "js" numbers: a float's `value` is a plain number (1 and 1.0 are equal); its exact text is `repr`
    const root = parseJson(readFileSync(new URL(file, VECTOR_DIR), "utf8"), "js") as Map<
      string,
      Value
    >;
    for (const v of root.get("vectors") as Map<string, Value>[]) {
      const expected = v.get("expected_decoded");
      if (expected === undefined) continue;
      const read = v.get("format") === "cookie-session" ? fromTypedJsonJs : fromTypedJson;
      const typed = toTypedJson(read(pyDumps(expected, COMPACT_DIALECT)));
      expect(ordered(parseJson(typed, "js")), String(v.get("id"))).toEqual(ordered(expected));
    }
  });
});

describe("toTypedJson", () => {
  it("writes every Python-only type in the vectors' form", () => {
    const value = m([
      ["f", pyFloat(1)],
      ["nz", pyFloat(-0)],
      ["nan", pyFloat(Number.NaN)],
      ["ninf", pyFloat(Number.NEGATIVE_INFINITY)],
      ["big", pyBigInt(18446744073709551617n)],
      ["t", pyTuple([1, pyTuple([])])],
      ["b", pyBytes(new Uint8Array([0, 1, 254, 255]))],
      ["u", pyUuid("12345678123456781234567812345678")],
      ["d", pyDateTime(1709210096)],
      ["dp", pyDateTime(1614814567, 60)],
      ["mk", pyMarkup("<b>x</b>")],
    ]);
    expect(toTypedJson(value)).toBe(
      [
        '{"f":{"$type":"float","repr":"1.0","value":1}',
        '"nz":{"$type":"float","repr":"-0.0","value":-0.0}',
        '"nan":{"$type":"float","repr":"NaN","value":null}',
        '"ninf":{"$type":"float","repr":"-Infinity","value":null}',
        '"big":{"$type":"bigint","value":"18446744073709551617"}',
        '"t":{"$type":"tuple","items":[1,{"$type":"tuple","items":[]}]}',
        '"b":{"$type":"bytes","base64":"AAH+/w==","hex":"0001feff"}',
        '"u":{"$type":"uuid","value":"12345678-1234-5678-1234-567812345678","hex":"12345678123456781234567812345678"}',
        '"d":{"$type":"datetime","iso":"2024-02-29T12:34:56+00:00","http_date":"Thu, 29 Feb 2024 12:34:56 GMT"}',
        '"dp":{"$type":"datetime","iso":"2021-03-04T00:36:07+01:00","http_date":"Wed, 03 Mar 2021 23:36:07 GMT"}',
        '"mk":{"$type":"markup","value":"<b>x</b>"}}',
      ].join(","),
    );
  });

  it("keeps integer-like key order and wraps a dict that has its own $type key", () => {
    expect(
      toTypedJson(
        m([
          ["b", 1],
          ["10", 2],
          ["2", 3],
        ]),
      ),
    ).toBe('{"b":1,"10":2,"2":3}');
    expect(
      toTypedJson(
        m([
          ["$type", "x"],
          ["2", pyTuple([])],
        ]),
      ),
    ).toBe('{"$type":"dict","items":[["$type","x"],["2",{"$type":"tuple","items":[]}]]}');
  });

  it("escapes the characters line splitters break on, and nothing else beyond JSON's rules", () => {
    expect(toTypedJson("a\u2028b\u2029c\u0085d é😀</\ud800")).toBe(
      '"a\\u2028b\\u2029c\\u0085d é😀</\\ud800"',
    );
  });

  it("writes plain numbers as JS does and a non-finite plain number as a float", () => {
    expect(toTypedJson([1, 0.5, 1e21, -0, Number.NaN])).toBe(
      '[1,0.5,1e+21,0,{"$type":"float","repr":"NaN","value":null}]',
    );
  });

  it("toTypedPlain is the same structure as JSON.parse of toTypedJson", () => {
    const value = m([
      ["__proto__", m([["x", 1]])],
      ["f", pyFloat(-0)],
      ["n", pyFloat(Number.POSITIVE_INFINITY)],
      ["b", pyBytes(new Uint8Array([104, 105]))],
      ["d", m([["$type", 1]])],
      ["z", -0],
      ["l", [pyTuple([1]), null, true, "s"]],
    ]);
    const plain = toTypedPlain(value);
    expect(plain).toEqual(JSON.parse(toTypedJson(value)));
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain as object)).toContain("__proto__");
  });
});

describe("fromTypedJson", () => {
  it("reads plain JSON numbers as Python does: 1 is an int, 1.5 and 1.0 are floats", () => {
    expect(ordered(fromTypedJson('{"i":1,"f":1.5,"g":1.0,"big":18446744073709551617}'))).toEqual(
      ordered(
        m([
          ["i", 1],
          ["f", pyFloat(1.5)],
          ["g", pyFloat(1)],
          ["big", pyBigInt(18446744073709551617n)],
        ]),
      ),
    );
  });

  it("fromTypedJsonJs keeps plain numbers as JS numbers", () => {
    expect(fromTypedJsonJs('{"f":1.0,"g":0.1}')).toEqual(
      m([
        ["f", 1],
        ["g", 0.1],
      ]),
    );
  });

  it("derives omitted fields", () => {
    const cases: [string, Value][] = [
      ['{"$type":"float","repr":"1e-07"}', pyFloat(1e-7)],
      ['{"$type":"float","value":2.5}', pyFloat(2.5)],
      ['{"$type":"float","value":3}', pyFloat(3)],
      ['{"$type":"float","repr":"-0.0","value":0}', pyFloat(-0)],
      ['{"$type":"float","repr":"Infinity"}', pyFloat(Number.POSITIVE_INFINITY)],
      ['{"$type":"bigint","value":"-9223372036854775808"}', pyBigInt(-9223372036854775808n)],
      ['{"$type":"bigint","value":"42"}', 42],
      ['{"$type":"bytes","base64":"aGk="}', pyBytes(new Uint8Array([104, 105]))],
      ['{"$type":"bytes","hex":"6869"}', pyBytes(new Uint8Array([104, 105]))],
      [
        '{"$type":"uuid","value":"12345678-1234-5678-1234-567812345678"}',
        pyUuid("12345678123456781234567812345678"),
      ],
      [
        '{"$type":"uuid","hex":"ABCDEF00123456781234567812345678"}',
        pyUuid("abcdef00123456781234567812345678"),
      ],
      ['{"$type":"datetime","iso":"2024-02-29T12:34:56Z"}', pyDateTime(1709210096)],
      ['{"$type":"datetime","http_date":"Thu, 29 Feb 2024 12:34:56 GMT"}', pyDateTime(1709210096)],
      [
        '{"$type":"datetime","http_date":"Wed, 03 Mar 2021 23:36:07 +0100"}',
        pyDateTime(1614810967, 60),
      ],
      ['{"$type":"markup","value":"<i>"}', pyMarkup("<i>")],
      ['{"$type":"tuple","items":[{"$type":"tuple","items":[1]}]}', pyTuple([pyTuple([1])])],
      [
        '{"$type":"dict","items":[["$type",1],["a",{"$type":"tuple","items":[]}]]}',
        m([
          ["$type", 1],
          ["a", pyTuple([])],
        ]),
      ],
    ];
    for (const [text, value] of cases) expect(fromTypedJson(text), text).toEqual(value);
  });

  it("round-trips every typed form through toTypedJson", () => {
    const value = m([
      [
        "t",
        pyTuple([
          pyBytes(new Uint8Array([1, 2])),
          pyUuid(uuidDashed("0".repeat(32)).replaceAll("-", "")),
        ]),
      ],
      ["d", pyDateTime(-1, -330)],
      ["x", m([["$type", m([["y", pyFloat(0.1)]])]])],
    ]);
    expect(toTypedJson(fromTypedJson(toTypedJson(value)))).toBe(toTypedJson(value));
  });

  it.each([
    [
      '{"user":{"created":{"$type":"datetime"}}}',
      '$.user.created: datetime needs "iso" or "http_date"',
    ],
    [
      '{"a":[{"$type":"float","repr":"1.0","value":2}]}',
      '$.a[0]: float "repr" "1.0" and "value" 2 disagree',
    ],
    ['{"a b":{"$type":"bytes","base64":"a*=="}}', '$["a b"]: bytes "base64" is not valid base64'],
    [
      '{"$type":"bytes","base64":"aGk=","hex":"00"}',
      '$: bytes "base64" and "hex" hold different bytes',
    ],
    ['{"$type":"uuid","value":"123"}', '$: uuid "value" must be 32 hex digits'],
    ['{"$type":"widget"}', '$: "$type" must be one of float, bigint'],
    ['{"$type":"markup","value":"x","vale":1}', '$: unknown field "vale" in a markup'],
    ['{"$type":"tuple"}', '$.items: tuple needs "items"'],
    ['{"$type":"dict","items":[[1,2]]}', "$.items[0]: each item must be [key (a string), value]"],
    ['{"$type":"bigint","value":"12x"}', '$: bigint needs "value": a string of digits'],
    ['{"$type":"float","value":null}', '$: float needs "repr"'],
    ['{"$type":"datetime","http_date":"garbage"}', '$: datetime "http_date" must look like'],
    [
      '{"$type":"datetime","iso":"2024-02-29T12:34:56Z","http_date":"Thu, 29 Feb 2024 12:34:57 GMT"}',
      "different instants",
    ],
    ['{"a":', "invalid JSON at character 5"],
  ])("explains what to fix in %s", (text, message) => {
    expect(() => fromTypedJson(text)).toThrow(TypedJsonError);
    expect(() => fromTypedJson(text)).toThrow(message);
  });
});
