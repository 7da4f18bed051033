import { describe, expect, it } from "vitest";
import { toTypedJson } from "../codec/typed";
import { dict, pyDateTime, pyFloat, pyTuple } from "../codec/value";
import { editorText, parseEditorText } from "./editText";

const session = dict([
  ["user", 'alice, "x": {y}'],
  ["roles", pyTuple(["reader", "editor"])],
  ["login", pyDateTime(1_767_237_945)],
  ["n", pyFloat(1)],
  ["9", "integer-like key, kept in place"],
  [
    "nested",
    dict([
      ["a", [1, 2, 3]],
      ["b", dict([["deep", "x".repeat(70)]])],
    ]),
  ],
  ["e", dict([])],
  ["l", []],
]);

describe("editorText", () => {
  it("lays the session out on lines and reads back the same value, key order kept", () => {
    const text = editorText(session);
    expect(text.split("\n").length).toBeGreaterThan(5);
    expect(text).toContain('"roles": {"$type": "tuple", "items": ["reader", "editor"]}');
    const parsed = parseEditorText(text, "python");
    expect(parsed.ok && toTypedJson(parsed.value)).toBe(toTypedJson(session));
  });
});

describe("parseEditorText: every error is located", () => {
  it("gives line and column for a JSON syntax error", () => {
    const parsed = parseEditorText('{"a": 1,\n  "b": }', "python");
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^Line 2, column 8: /) });
  });
  it("names the path of a bad typed value", () => {
    expect(parseEditorText('{"a": [1, {"$type": "bytes", "hex": "zz"}]}', "python")).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^At a\[1\]: bytes "hex" must be an even number of hex digits/,
      ),
    });
    expect(parseEditorText('{"$type": "tuple"}', "python")).toEqual({
      ok: false,
      message: expect.stringMatching(/^At items: tuple needs/),
    });
    expect(parseEditorText('{"r": {"$type": "nope"}}', "python")).toEqual({
      ok: false,
      message: expect.stringMatching(/^At r: "\$type" must be one of/),
    });
  });
  it.each([
    ["", /^Line 1, column 1: /],
    ["{", /^Line 1, column 2: /],
    ['{"a": tru}', /^Line 1, column 7: /],
    ['{"a": 1} x', /^Line 1, column 10: /],
    ['{"d": {"$type": "datetime", "iso": "yesterday"}}', /^At d: datetime "iso"/],
    ['{"f": {"$type": "float", "repr": "one"}}', /^At f: /],
    ['{"u": {"$type": "uuid", "value": "123"}}', /^At u: uuid/],
    ['{"b": {"$type": "bigint", "value": "12a"}}', /^At b: bigint/],
  ])("%j", (text, message) => {
    const parsed = parseEditorText(text, "python");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});
