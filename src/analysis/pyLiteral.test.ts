import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flaskSession } from "../../test/interop/arbitraries";
import { toTypedJson } from "../codec";
import { dict, pyDateTime, pyFloat, pyTuple, pyUuid } from "../codec/value";
import { PyLiteralError, parsePyLiteral } from "./pyLiteral";
import { reprValue } from "./pyRepr";

const typed = (text: string) => toTypedJson(parsePyLiteral(text));

describe("parsePyLiteral", () => {
  it("reads what a Flask developer types in a Python shell", () => {
    expect(typed("{'user': 'alice', 'roles': ('admin',), 'admin': True, 'x': None}")).toBe(
      toTypedJson(
        dict([
          ["user", "alice"],
          ["roles", pyTuple(["admin"])],
          ["admin", true],
          ["x", null],
        ]),
      ),
    );
  });

  it("keeps Python's number types: 1.0 is a float, 2**64 a big int, (1) is not a tuple", () => {
    expect(typed("[1.0, 1, 18446744073709551616, (1), (), -inf, 1e-07]")).toBe(
      '[{"$type":"float","repr":"1.0","value":1},1,{"$type":"bigint","value":"18446744073709551616"},1,{"$type":"tuple","items":[]},{"$type":"float","repr":"-Infinity","value":null},{"$type":"float","repr":"1e-07","value":1e-7}]',
    );
  });

  it("reads the reprs of UUID, Markup, bytes and aware datetimes", () => {
    const v = parsePyLiteral(
      "(UUID('12345678-1234-5678-1234-567812345678'), Markup('<b>x</b>'), b'\\x00a', datetime(2024, 2, 29, 12, 34, 56, tzinfo=datetime.timezone.utc), datetime(2024, 1, 1, 1, 0, tzinfo=UTC+05:30))",
    );
    expect(v).toEqual(
      pyTuple([
        pyUuid("12345678123456781234567812345678"),
        { kind: "markup", value: "<b>x</b>" },
        { kind: "bytes", bytes: Uint8Array.of(0, 0x61) },
        pyDateTime(Date.UTC(2024, 1, 29, 12, 34, 56) / 1000),
        pyDateTime(Date.UTC(2024, 0, 1, 1, 0) / 1000 - 330 * 60, 330),
      ]),
    );
  });

  it("is the inverse of the panel's repr for every Flask session value", () => {
    fc.assert(
      fc.property(flaskSession(), (session) => {
        expect(toTypedJson(parsePyLiteral(reprValue(session)))).toBe(toTypedJson(session));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["{'a': tru}", "at character 7"],
    ["{'a' 1}", `":" after the key 'a'`],
    ["{1: 2}", "a key in quotes"],
    ["[1, 2", `"," or "]"`],
    ["'abc", "the closing '"],
    ["datetime(2024, 2, 30, tzinfo=UTC)", "a real date"],
    ["datetime(2024, 2, 3)", "tzinfo=UTC"],
    ["open('/etc/passwd')", "not one a session holds"],
    ["[1] [2]", "the end of the input"],
    [`${"[".repeat(600)}${"]".repeat(600)}`, "levels of nesting"],
  ])("says where %s goes wrong", (text, message) => {
    expect(() => parsePyLiteral(text)).toThrow(PyLiteralError);
    expect(() => parsePyLiteral(text)).toThrow(message);
  });

  it("a plain float literal stays a float", () => {
    expect(parsePyLiteral("0.5")).toEqual(pyFloat(0.5));
  });
});
