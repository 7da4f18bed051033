import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flaskSession, starletteSession } from "../../../test/interop/arbitraries";
import { CodecError } from "../errors";
import { signSession } from "../sign";
import { toTypedJson } from "../typed";
import {
  dict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../value";
import { fromPlain, type PlainObject, toPlain } from "./index";

const SIGN = { secret: "s3cret", timestamp: 1_700_000_000 };
const flaskCookie = (v: Value) => signSession("flask", v, SIGN).value;
const object = (v: Value) => toPlain(v) as PlainObject;

describe("value mapping: untouched values write back exactly", () => {
  it("fromPlain(toPlain(v)) is v for random Flask sessions, and re-signs byte-identical", () => {
    fc.assert(
      fc.property(flaskSession(), (session) => {
        const back = fromPlain(toPlain(session));
        expect(toTypedJson(back)).toBe(toTypedJson(session));
        expect(flaskCookie(back)).toBe(flaskCookie(session));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps insertion order (integer-like keys too): Starlette re-signs byte-identical", () => {
    fc.assert(
      fc.property(starletteSession(), (session) => {
        const back = fromPlain(toPlain(session));
        expect(signSession("starlette", back, SIGN).value).toBe(
          signSession("starlette", session, SIGN).value,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("after one key changes, every other key keeps its Python type", () => {
    fc.assert(
      fc.property(flaskSession(), fc.string(), (session, text) => {
        const plain = object(session);
        const key = Object.keys(plain)[0] as string;
        // Assigning the very string a key already reads as is, by design, no change at all.
        fc.pre(plain[key] !== text);
        plain[key] = text;
        const expected = new Map(session);
        expected.set(key, text);
        expect(toTypedJson(fromPlain(plain))).toBe(toTypedJson(expected));
      }),
      { numRuns: 200 },
    );
  });
});

/** What a Node app assigns: JS values with an exact Python counterpart (whole-second Dates). */
const plainSession = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, Number.NaN, Infinity),
    fc.string(),
    fc.maxSafeInteger().map((n) => n + 0),
    fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }),
    fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }).map((s) => new Date(s * 1000)),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("value mapping: what JS code assigns reads back the same", () => {
  it("toPlain(fromPlain(p)) equals p for random plain sessions", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), plainSession, { maxKeys: 6 }), (p) => {
        expect(toPlain(fromPlain(p))).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });
});

describe("value mapping: what JS code sees", () => {
  const session = dict([
    ["when", pyDateTime(1_700_000_000)],
    ["local", pyDateTime(1_700_000_000, 60)],
    ["raw", pyBytes(new Uint8Array([1, 2, 255]))],
    ["roles", pyTuple(["admin", "editor"])],
    ["id", pyUuid("12345678123456781234567812345678")],
    ["html", pyMarkup("<b>hi</b>")],
    ["price", pyFloat(1)],
    ["ratio", pyFloat(2.5)],
    ["big", pyBigInt(2n ** 60n)],
    ["n", 7],
    ["tags", ["a", "b"]],
  ]);

  it("reads Python types as the plain JS a developer expects", () => {
    const plain = object(session);
    expect(plain.when).toEqual(new Date(1_700_000_000_000));
    expect(plain.raw).toEqual(new Uint8Array([1, 2, 255]));
    expect(plain.roles).toEqual(["admin", "editor"]);
    expect(plain.id).toBe("12345678-1234-5678-1234-567812345678");
    expect(plain.html).toBe("<b>hi</b>");
    expect(plain.price).toBe(1);
    expect(plain.ratio).toBe(2.5);
    expect(plain.big).toBe(2n ** 60n);
    expect(plain.tags).toEqual(["a", "b"]);
  });

  it("writes assigned JS values as Flask reads them naturally", () => {
    const back = fromPlain({
      list: [1, 1.5, -0, 1e16],
      when: new Date(Date.UTC(2024, 1, 29, 12, 34, 56, 789)),
      bytes: new Uint8Array([0, 1]),
      big: 2n ** 64n,
      small: 5n,
      nested: new Map([
        ["2", 1],
        ["1", 2],
      ]),
      skipped: undefined,
    });
    expect(toTypedJson(back)).toBe(
      toTypedJson(
        dict([
          ["list", [1, pyFloat(1.5), pyFloat(-0), pyBigInt(10n ** 16n)]],
          ["when", pyDateTime(Date.UTC(2024, 1, 29, 12, 34, 56) / 1000)],
          ["bytes", pyBytes(new Uint8Array([0, 1]))],
          ["big", pyBigInt(2n ** 64n)],
          ["small", 5],
          [
            "nested",
            dict([
              ["2", 1],
              ["1", 2],
            ]),
          ],
        ]),
      ),
    );
  });

  it("a changed value loses its remembered type; the same object keeps it", () => {
    const plain = object(session);
    (plain.roles as string[]).push("owner"); // same array: still a tuple
    plain.price = 1; // same number: still the float 1.0
    plain.id = "not a uuid any more";
    (plain.when as Date).setTime(0);
    plain.tags = [...(plain.tags as string[])]; // a new array
    const back = fromPlain(plain) as Map<string, Value>;
    expect(back.get("roles")).toEqual(pyTuple(["admin", "editor", "owner"]));
    expect(back.get("price")).toEqual(pyFloat(1));
    expect(back.get("id")).toBe("not a uuid any more");
    expect(back.get("when")).toEqual(pyDateTime(0));
    expect(back.get("tags")).toEqual(["a", "b"]);
    expect(back.get("html")).toEqual(pyMarkup("<b>hi</b>"));
    expect(back.get("local")).toEqual(pyDateTime(1_700_000_000, 60)); // its UTC offset kept
  });

  it("shares nothing with the faithful value it came from", () => {
    const raw = pyBytes(new Uint8Array([9]));
    const plain = object(dict([["raw", raw]]));
    (plain.raw as Uint8Array)[0] = 1;
    expect(raw.bytes[0]).toBe(9);
    expect(fromPlain(plain)).toEqual(dict([["raw", pyBytes(new Uint8Array([1]))]]));
  });

  it("keeps the dict's key order for keys it had, new keys after them", () => {
    const plain = object(
      dict([
        ["b", 1],
        ["10", 2],
        ["2", 3],
      ]),
    );
    expect(Object.keys(plain)).toEqual(["2", "10", "b"]); // JS moves integer-like keys first
    plain.a = 4;
    expect([...(fromPlain(plain) as Map<string, Value>).keys()]).toEqual(["b", "10", "2", "a"]);
  });

  it("keeps a __proto__ key as an own key", () => {
    const plain = object(dict([["__proto__", 1]]));
    expect(Object.keys(plain)).toEqual(["__proto__"]);
    expect(fromPlain(plain)).toEqual(dict([["__proto__", 1]]));
  });
});

describe("value mapping: what a session cannot hold is refused with its path", () => {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  it.each([
    [{ a: [undefined] }, "session.a[0] is undefined"],
    [{ f: () => 1 }, "session.f is a function"],
    [{ s: Symbol("x") }, "session.s is a symbol"],
    [{ "my key": new Set() }, 'session["my key"] is a Set instance'],
    [cycle, "session.self is a reference to one of its own parents"],
    [{ d: new Date(Number.NaN) }, "session.d is an invalid Date"],
  ])("%o", (input, message) => {
    expect(() => fromPlain(input)).toThrow(CodecError);
    expect(() => fromPlain(input)).toThrow(message);
  });

  it("the same object twice (not a cycle) is fine", () => {
    const shared = { x: 1 };
    expect(fromPlain({ a: shared, b: shared })).toEqual(
      dict([
        ["a", dict([["x", 1]])],
        ["b", dict([["x", 1]])],
      ]),
    );
  });
});
