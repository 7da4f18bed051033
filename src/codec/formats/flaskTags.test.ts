/**
 * `tag` hands back lists and dicts untouched when nothing inside needs a tag, and copies only
 * when something does. Checked against the plain always-copying definition, on values with
 * tags anywhere (first, middle, last, nested), and for not changing its input.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { COMPACT_DIALECT, pyDumps } from "../json/pyDumps";
import { type Dict, dict, pyBytes, pyTuple, pyUuid, type Value } from "../value";
import { tag } from "./flaskTags";

/** The definition: rebuild every list and dict, tagging what Flask tags. */
function tagByCopy(v: Value): Value {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(tagByCopy);
  if (v instanceof Map) {
    if (v.size === 1) {
      const [key, inner] = [...v][0]!;
      if ([" di", " t", " b", " m", " u", " d"].includes(key)) {
        return dict([[" di", dict([[`${key}__`, tagByCopy(inner)]])]]);
      }
    }
    return new Map([...v].map(([k, x]) => [k, tagByCopy(x)] as [string, Value]));
  }
  if (v.kind === "tuple") return dict([[" t", v.items.map(tagByCopy)]]);
  return tag(v); // bytes, uuid…: leaves, tagged by the same code either way
}

const leaf = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
  fc.uint8Array({ maxLength: 4 }).map(pyBytes),
  fc.constant(pyUuid("0123456789abcdef0123456789abcdef")),
);
const value = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(tie("v"), { maxLength: 3 }).map(pyTuple),
    fc
      .array(fc.tuple(fc.constantFrom("a", "b", "c", " t", " di", "d"), tie("v")), { maxLength: 4 })
      .map((entries) => new Map(entries) as Dict),
  ),
})).v;

it("tags exactly as the copying definition does, and leaves its input alone", () => {
  fc.assert(
    fc.property(value, (v) => {
      const before = pyDumps(tagByCopy(v), COMPACT_DIALECT);
      expect(pyDumps(tag(v), COMPACT_DIALECT)).toBe(before);
      expect(pyDumps(tagByCopy(v), COMPACT_DIALECT)).toBe(before); // v unchanged by tag
    }),
    { numRuns: 1000 },
  );
});

it("returns a dict or list with nothing to tag as it is, and copies one that has", () => {
  const plain = dict([
    ["a", 1],
    ["b", [1, "x"]],
  ]);
  expect(tag(plain)).toBe(plain);
  const tagged = dict([
    ["a", 1],
    ["b", pyTuple([1])],
    ["c", 2],
  ]);
  expect(pyDumps(tag(tagged), COMPACT_DIALECT)).toBe('{"a":1,"b":{" t":[1]},"c":2}');
  expect([...tagged.keys()]).toEqual(["a", "b", "c"]);
});
