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
import { pyBytesRepr, pyDateTimeIso, pyFloatRepr, pyStrRepr, reprValue } from "./pyRepr";

describe("pyFloatRepr", () => {
  it.each([
    [1, "1.0"],
    [0.1, "0.1"],
    [1e-7, "1e-07"],
    [0.0001, "0.0001"],
    [1e16, "1e+16"],
    [1234567890123456, "1234567890123456.0"],
    [1.5e300, "1.5e+300"],
    [-0, "-0.0"],
    [1 / 3, "0.3333333333333333"],
    [-2.5, "-2.5"],
    [Number.NaN, "nan"],
    [Number.NEGATIVE_INFINITY, "-inf"],
  ])("%s → %s", (x, text) => {
    expect(pyFloatRepr(x)).toBe(text);
  });
});

describe("strings and bytes", () => {
  it("quotes like Python", () => {
    expect(pyStrRepr("ada")).toBe("'ada'");
    expect(pyStrRepr("it's")).toBe(`"it's"`);
    expect(pyStrRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyStrRepr("a\nb\t\\")).toBe("'a\\nb\\t\\\\'");
    expect(pyStrRepr("é😀\u0001\u00a0")).toBe("'é😀\\x01\\xa0'");
  });
  it("prints bytes as b'…' with \\x escapes", () => {
    expect(pyBytesRepr(new Uint8Array([0x68, 0x69, 0x00, 0xff, 0x27]))).toBe(`b"hi\\x00\\xff'"`);
  });
});

describe("reprValue", () => {
  it("prints tagged Flask values as Python does", () => {
    expect(reprValue(pyTuple([1, 2]))).toBe("(1, 2)");
    expect(reprValue(pyTuple(["x"]))).toBe("('x',)");
    expect(reprValue(pyBytes(new Uint8Array([97])))).toBe("b'a'");
    expect(reprValue(pyUuid("1B4E28BA2D1111D29CB500C04FD430C8"))).toBe(
      "UUID('1b4e28ba-2d11-11d2-9cb5-00c04fd430c8')",
    );
    expect(reprValue(pyMarkup("<b>x</b>"))).toBe("Markup('<b>x</b>')");
    expect(reprValue(pyFloat(1))).toBe("1.0");
    expect(reprValue(pyBigInt(18446744073709551617n))).toBe("18446744073709551617");
  });

  it("prints datetimes with their zone, leaving out a zero second", () => {
    const leap = pyDateTime(Date.UTC(2024, 1, 29, 12, 34, 56) / 1000);
    expect(reprValue(leap)).toBe("datetime(2024, 2, 29, 12, 34, 56, tzinfo=UTC)");
    expect(reprValue(pyDateTime(Date.UTC(2024, 0, 1, 9, 0, 0) / 1000, 60))).toBe(
      "datetime(2024, 1, 1, 10, 0, tzinfo=UTC+01:00)",
    );
    expect(pyDateTimeIso(leap)).toBe("2024-02-29T12:34:56Z");
    expect(pyDateTimeIso(pyDateTime(0, -90))).toBe("1969-12-31T22:30:00-01:30");
  });

  it("keeps dict key order and prints None/True", () => {
    const d = dict([
      ["z", null],
      ["2", true],
      ["a", [1, 2.5]],
    ]);
    expect(reprValue(d)).toBe("{'z': None, '2': True, 'a': [1, 2.5]}");
  });

  it("prints JavaScript literals in the js dialect", () => {
    expect(
      reprValue(
        dict([
          ["ok", true],
          ["n", null],
          ["s", "x"],
        ]),
        "js",
      ),
    ).toBe('{"ok": true, "n": null, "s": "x"}');
  });
});
