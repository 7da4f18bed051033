import { describe, expect, it } from "vitest";
import {
  dict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
} from "../codec/value";
import { convertValue, representable } from "./convertValue";

const flaskSession = dict([
  ["user", "alice"],
  ["roles", pyTuple(["reader", pyTuple(["nested"])])],
  ["login", pyDateTime(1_767_237_945)],
  ["raw", pyBytes(new Uint8Array([0xff, 0x00]))],
  ["note", pyBytes(new TextEncoder().encode("hi"))],
  ["id", pyUuid("12345678123456781234567812345678")],
  ["html", pyMarkup("<b>x</b>")],
  ["ratio", pyFloat(1)],
  ["big", pyBigInt(2n ** 60n)],
  ["cart", [dict([["items", pyTuple([1])]])]],
]);

describe("convertValue", () => {
  it("keeps everything for Flask", () => {
    const { value, warnings } = convertValue(flaskSession, representable("flask"));
    expect(warnings).toEqual([]);
    expect(value).toEqual(flaskSession);
  });

  it("writes Starlette what its JSON can hold, one warning per value with its path", () => {
    const { value, warnings } = convertValue(flaskSession, representable("starlette"));
    expect(warnings).toEqual([
      { path: "roles", message: "tuple written as a list" },
      { path: "roles[1]", message: "tuple written as a list" },
      { path: "login", message: "datetime written as ISO 8601 text" },
      { path: "raw", message: "bytes written as base64 text" },
      { path: "note", message: "bytes written as text" },
      { path: "id", message: "UUID written as text" },
      { path: "html", message: "Markup written as a plain string" },
      { path: "cart[0].items", message: "tuple written as a list" },
    ]);
    expect(value).toEqual(
      dict([
        ["user", "alice"],
        ["roles", ["reader", ["nested"]]],
        ["login", "2026-01-01T03:25:45+00:00"],
        ["raw", "/wA="],
        ["note", "hi"],
        ["id", "12345678-1234-5678-1234-567812345678"],
        ["html", "<b>x</b>"],
        ["ratio", pyFloat(1)],
        ["big", pyBigInt(2n ** 60n)],
        ["cart", [dict([["items", [1]]])]],
      ]),
    );
  });

  it("warns for cookie-session's JavaScript numbers, and for untagged Flask", () => {
    const js = convertValue(flaskSession, representable("cookie-session"));
    expect(js.warnings.map((w) => w.path)).toContain("ratio");
    expect(js.warnings.find((w) => w.path === "big")?.message).toMatch(/2\^53/);
    const untagged = convertValue(flaskSession, representable("flask", true));
    expect(untagged.warnings.map((w) => w.path)).toContain("roles");
  });

  it("names each float by its Python text, and warns only where a reader sees a change", () => {
    const floats = dict([
      ["one", pyFloat(1)],
      ["negZero", pyFloat(-0)],
      ["huge", pyFloat(1e308)],
      ["half", pyFloat(1.5)],
      ["nan", pyFloat(Number.NaN)],
      ["inf", pyFloat(Number.NEGATIVE_INFINITY)],
    ]);
    const { value, warnings } = convertValue(floats, representable("cookie-session"));
    expect(warnings).toEqual([
      { path: "one", message: "float 1.0 written as 1" },
      { path: "negZero", message: "float -0.0 written as 0" },
      { path: "nan", message: "float NaN written as null" },
      { path: "inf", message: "float -Infinity written as null" },
    ]);
    expect(value).toEqual(
      dict([
        ["one", 1],
        ["negZero", 0],
        ["huge", 1e308],
        ["half", 1.5],
        ["nan", null],
        ["inf", null],
      ]),
    );
  });
});
