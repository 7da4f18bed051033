/**
 * Property tests for the JSON layer: what must hold for every value, not just the vectors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromTypedJson, fromTypedJsonJs, toTypedJson } from "../typed";
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
} from "../value";
import { JsonError } from "./errors";
import { pyFloatRepr } from "./floatRepr";
import { jsDumps } from "./jsDumps";
import { parseJson } from "./parse";
import {
  COMPACT_DIALECT,
  DJANGO_DIALECT,
  FLASK_DIALECT,
  type PyJsonDialect,
  pyDumps,
  STARLETTE_DIALECT,
} from "./pyDumps";
import { compareCodePoints } from "./pyStrings";

const TRICKY_UNITS = [
  "\ud83d",
  "\ude00",
  "😀",
  "\u2028",
  "\u0085",
  "\x7f",
  "\x00",
  "\x1f",
  "é",
  "\uffff",
  "\ue000",
  "\n",
  '"',
  "\\",
  "/",
  "<",
];
/** Any code point, plus the units where escaping and ordering go wrong (lone surrogates too). */
const text = fc.string({
  unit: fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom(...TRICKY_UNITS),
  ),
  maxLength: 8,
});
const keyText = fc.oneof(text, fc.integer({ min: 0, max: 20 }).map(String));

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const bigOutsideSafe = fc
  .bigInt({ min: -(2n ** 70n), max: 2n ** 70n })
  .filter((b) => b > MAX_SAFE || b < -MAX_SAFE)
  .map(pyBigInt);

/** Values as the Python formats hold them (no Flask-only tags: plain JSON can't write those). */
const { pyValue } = fc.letrec<{ pyValue: Value }>((tie) => ({
  pyValue: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    fc.double().map(pyFloat),
    bigOutsideSafe,
    text,
    fc.array(tie("pyValue"), { maxLength: 4 }),
    fc.array(tie("pyValue"), { maxLength: 3 }).map(pyTuple),
    fc
      .array(fc.tuple(keyText, tie("pyValue")), { maxLength: 4 })
      .map((entries) => new Map(entries)),
  ),
}));

/** The value Python would read back: tuples become lists, dicts sorted when the dialect sorts. */
function expectedAfterRoundTrip(v: Value, sortKeys: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => expectedAfterRoundTrip(x, sortKeys));
  if (isDict(v)) {
    const entries = [...v];
    if (sortKeys) entries.sort((a, b) => compareCodePoints(a[0], b[0]));
    return { map: entries.map(([k, x]) => [k, expectedAfterRoundTrip(x, sortKeys)]) };
  }
  if (v !== null && typeof v === "object") {
    if (v.kind === "tuple") return expectedAfterRoundTrip(v.items, sortKeys);
    if (v.kind === "float") return { float: pyFloatRepr(v.value) };
    if (v.kind === "bigint") return { bigint: v.value.toString() };
  }
  return v;
}

const DIALECTS: [string, PyJsonDialect][] = [
  ["flask", FLASK_DIALECT],
  ["starlette", STARLETTE_DIALECT],
  ["compact", COMPACT_DIALECT],
  ["django", DJANGO_DIALECT],
];

describe("pyDumps → parseJson round trip", () => {
  it.each(DIALECTS)("gives back the same value in the %s dialect", (_name, dialect) => {
    fc.assert(
      fc.property(pyValue, (v) => {
        const back = parseJson(pyDumps(v, dialect), "python");
        expect(expectedAfterRoundTrip(back, false)).toEqual(
          expectedAfterRoundTrip(v, dialect.sortKeys),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("re-encoding what it parsed gives the same text (a payload round-trips byte for byte)", () => {
    fc.assert(
      fc.property(pyValue, fc.constantFrom(...DIALECTS), (v, [, dialect]) => {
        const once = pyDumps(v, dialect);
        expect(pyDumps(parseJson(once, "python"), dialect)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe("code point order", () => {
  const byCodePoints = (a: string, b: string): number => {
    const ca = Array.from(a, (c) => c.codePointAt(0) as number);
    const cb = Array.from(b, (c) => c.codePointAt(0) as number);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      if (ca[i] !== cb[i]) return (ca[i] as number) - (cb[i] as number);
    }
    return ca.length - cb.length;
  };

  it("compareCodePoints agrees in sign with a code-point-by-code-point comparison", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
      }),
      { numRuns: 3000 },
    );
  });

  it("sort_keys output lists keys in code point order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 8 }), (keys) => {
        const out = parseJson(pyDumps(new Map(keys.map((k) => [k, 0])), FLASK_DIALECT), "python");
        expect([...(out as Map<string, Value>).keys()]).toEqual([...keys].sort(byCodePoints));
      }),
    );
  });
});

describe("string escaping", () => {
  it("ensure_ascii leaves only ' '..'~' raw, with lowercase hex", () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = pyDumps(s, FLASK_DIALECT);
        expect(out).toMatch(/^[\x20-\x7e]*$/);
        expect(out).not.toMatch(/\\u[0-9a-f]{0,3}[A-F]/);
        expect(JSON.parse(out)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it("without ensure_ascii only controls, quote and backslash are escaped", () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = pyDumps(s, COMPACT_DIALECT);
        expect(out).not.toMatch(/[\x00-\x1f]/);
        expect(out.replace(/\\(["\\bfnrt]|u00[01][0-9a-f])/g, "")).toBe(
          `"${s.replace(/[\x00-\x1f"\\]/g, "")}"`,
        );
        expect(JSON.parse(out)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A JSON.parse result as the Value the codec would hold (objects → Maps in JS key order). */
function fromJs(x: unknown): Value {
  if (Array.isArray(x)) return x.map(fromJs);
  if (x !== null && typeof x === "object") {
    return new Map(Object.entries(x).map(([k, v]) => [k, fromJs(v)]));
  }
  return x as Value;
}

describe("jsDumps", () => {
  it("equals JSON.stringify for plain JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        expect(jsDumps(fromJs(x))).toBe(JSON.stringify(x));
        const text = JSON.stringify(x);
        expect(jsDumps(parseJson(text, "js"))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("typed JSON", () => {
  const tagged: fc.Arbitrary<Value> = fc.oneof(
    fc.uint8Array({ maxLength: 12 }).map(pyBytes),
    fc.stringMatching(/^[0-9a-f]{32}$/).map(pyUuid),
    fc
      .tuple(
        fc.integer({ min: -62135596800 + 86400, max: 253402300799 - 86400 }),
        fc.integer({ min: -1439, max: 1439 }),
      )
      .map(([epoch, offset]) => pyDateTime(epoch, offset)),
    text.map(pyMarkup),
  );
  const { typedValue } = fc.letrec<{ typedValue: Value }>((tie) => ({
    typedValue: fc.oneof(
      { depthSize: "small" },
      pyValue,
      tagged,
      fc.array(tie("typedValue"), { maxLength: 3 }).map(pyTuple),
      fc
        .array(fc.tuple(fc.oneof(keyText, fc.constant("$type")), tie("typedValue")), {
          maxLength: 3,
        })
        .map((entries) => new Map(entries)),
    ),
  }));

  it("fromTypedJson(toTypedJson(v)) writes the same typed JSON again", () => {
    fc.assert(
      fc.property(typedValue, (v) => {
        const once = toTypedJson(v);
        expect(toTypedJson(fromTypedJson(once))).toBe(once);
        expect(once).not.toMatch(/[\u2028\u2029\u0085\n]/);
      }),
      { numRuns: 500 },
    );
  });

  it("fromTypedJsonJs keeps plain JSON values as JSON.parse reads them", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        expect(jsDumps(fromTypedJsonJs(JSON.stringify(x)))).toBe(JSON.stringify(x));
      }),
    );
  });
});

describe("hostile nesting", () => {
  it("any container nesting past 512 levels is a JsonError, up to 10000 levels", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 513, max: 10000 }),
        fc.constantFrom("[", '{"k":', "[1,"),
        fc.constantFrom("python", "js") as fc.Arbitrary<"python" | "js">,
        (depth, opener, mode) => {
          expect(() => parseJson(opener.repeat(depth), mode)).toThrow(JsonError);
          expect(() => parseJson(opener.repeat(depth), mode)).toThrow(
            "nested deeper than 512 levels",
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
