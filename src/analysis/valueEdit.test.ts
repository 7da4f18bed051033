import { describe, expect, it } from "vitest";
import { toTypedJson } from "../codec/typed";
import { dict, pyBigInt, pyFloat, pyTuple, pyUuid } from "../codec/value";
import {
  addChild,
  convertKind,
  moveAt,
  parseLeaf,
  removeAt,
  renameAt,
  updateAt,
} from "./valueEdit";

const session = dict([
  ["user", "alice"],
  ["roles", pyTuple(["reader", "editor"])],
  ["prefs", dict([["theme", "dark"]])],
]);
const typed = toTypedJson;

describe("valueEdit", () => {
  it("changes, adds, removes, renames and reorders without touching the original", () => {
    const before = typed(session);
    const admin = updateAt(session, ["user"], () => "admin");
    expect(typed(admin)).toBe(
      typed(
        dict([
          ["user", "admin"],
          ["roles", pyTuple(["reader", "editor"])],
          ["prefs", dict([["theme", "dark"]])],
        ]),
      ),
    );
    expect(typed(session)).toBe(before);
    const tuple = addChild(session, ["roles"]);
    expect(typed(tuple)).toContain('"items":["reader","editor",""]');
    expect(typed(addChild(session, []))).toContain('"new_key":""');
    expect(typed(removeAt(session, ["roles", 0]))).toContain('"items":["editor"]');
    const renamed = renameAt(session, ["user"], "name");
    expect(renamed && [...(renamed as Map<string, unknown>).keys()]).toEqual([
      "name",
      "roles",
      "prefs",
    ]);
    expect(renameAt(session, ["user"], "roles")).toBeNull();
    const moved = moveAt(session, ["prefs"], -1);
    expect([...(moved as Map<string, unknown>).keys()]).toEqual(["user", "prefs", "roles"]);
    expect(moveAt(session, ["user"], -1)).toEqual(session);
  });

  it("converts kinds, keeping items and text where they fit", () => {
    expect(convertKind(pyTuple([1, 2]), "list", 0)).toEqual([1, 2]);
    expect(convertKind([1, 2], "tuple", 0)).toEqual(pyTuple([1, 2]));
    expect(convertKind("5", "int", 0)).toBe(5);
    expect(convertKind("abc", "int", 0)).toBe(0);
    expect(convertKind(1, "float", 0)).toEqual(pyFloat(1));
  });

  it("parses leaves in their Python type and says what to fix", () => {
    expect(parseLeaf("int", "9007199254740993")).toEqual({
      ok: true,
      value: pyBigInt(9007199254740993n),
    });
    expect(parseLeaf("float", "1.0")).toEqual({ ok: true, value: pyFloat(1) });
    expect(parseLeaf("bool", "True")).toEqual({ ok: true, value: true });
    expect(parseLeaf("UUID", "12345678-1234-5678-1234-567812345678")).toEqual({
      ok: true,
      value: pyUuid("12345678123456781234567812345678"),
    });
    for (const [kind, text, why] of [
      ["int", "12x", /whole digits/],
      ["float", "one", /1\.0/],
      ["bool", "yes", /True or False/],
      ["bytes", "abc", /even number/],
      ["datetime", "tomorrow", /looks like/],
      ["UUID", "123", /32 hex/],
    ] as const) {
      const parsed = parseLeaf(kind, text);
      expect(parsed.ok ? "" : parsed.message).toMatch(why);
    }
  });
});
