import { describe, expect, it } from "vitest";
import { dict, pyTuple } from "../codec/value";
import { isEmptyDiff, sessionDiff } from "./sessionDiff";

describe("sessionDiff", () => {
  it("names added, removed and changed paths, nested too", () => {
    const before = dict([
      ["user", "alice"],
      ["roles", pyTuple(["reader"])],
      ["prefs", dict([["theme", "dark"]])],
    ]);
    const after = dict([
      ["user", "admin"],
      ["roles", ["reader"]],
      ["prefs", dict([["lang", "en"]])],
      ["admin", true],
    ]);
    expect(sessionDiff(before, after)).toEqual({
      added: ["prefs.lang", "admin"],
      removed: ["prefs.theme"],
      changed: ["user", "roles"],
    });
    expect(isEmptyDiff(sessionDiff(before, before))).toBe(true);
  });
  it("notices a reorder of the same keys", () => {
    const a = dict([
      ["a", 1],
      ["b", 2],
    ]);
    const b = dict([
      ["b", 2],
      ["a", 1],
    ]);
    expect(sessionDiff(a, b).changed).toEqual(["(key order)"]);
  });
});
