import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pyDateTime } from "../value";
import { httpDate, parseHttpDate } from "./httpDate";
import { isoDate, parseIsoDate } from "./isoDate";

/** werkzeug http_date / parse_date and datetime.isoformat, frozen by test/fixtures/codec-json/generate.py. */
const FROZEN = JSON.parse(
  readFileSync(
    new URL("../../../test/fixtures/codec-json/http-date.json", import.meta.url),
    "utf8",
  ),
) as {
  format: [number, string, string][];
  parse: [string, null | [number, number, string, string]][];
};

describe("httpDate", () => {
  it("writes werkzeug's http_date", () => {
    expect(httpDate(1709210096)).toBe("Thu, 29 Feb 2024 12:34:56 GMT");
    expect(httpDate(-1)).toBe("Wed, 31 Dec 1969 23:59:59 GMT");
    expect(httpDate(-62135596800)).toBe("Mon, 01 Jan 0001 00:00:00 GMT");
    expect(httpDate(1709210096.9)).toBe("Thu, 29 Feb 2024 12:34:56 GMT");
  });

  it(`matches werkzeug and isoformat on ${FROZEN.format.length} frozen instants (years 1–9999)`, () => {
    for (const [epoch, http, iso] of FROZEN.format) {
      expect(httpDate(epoch)).toBe(http);
      expect(isoDate(pyDateTime(epoch))).toBe(iso);
    }
  });
});

describe("parseHttpDate", () => {
  it("reads Flask's own dates as UTC", () => {
    expect(parseHttpDate("Thu, 29 Feb 2024 12:34:56 GMT")).toEqual(pyDateTime(1709210096, 0));
  });

  it("keeps a non-UTC offset, as werkzeug's parse_date does", () => {
    const dt = parseHttpDate("Wed, 03 Mar 2021 23:36:07 +0100");
    expect(dt).toEqual(pyDateTime(1614810967, 60));
    expect(isoDate(dt!)).toBe("2021-03-03T23:36:07+01:00");
    expect(httpDate(dt!.epochSeconds)).toBe("Wed, 03 Mar 2021 22:36:07 GMT");
  });

  it("returns null where werkzeug returns None", () => {
    for (const s of [
      "",
      "garbage",
      "Thu, 29 Feb 2023 12:34:56 GMT",
      "Thu, 01 Jan 2024 24:00:00 GMT",
    ]) {
      expect(parseHttpDate(s)).toBeNull();
    }
  });

  it(`agrees with werkzeug's parse_date on ${FROZEN.parse.length} frozen strings`, () => {
    const parsedCount = FROZEN.parse.filter(([, want]) => want !== null).length;
    expect(parsedCount).toBeGreaterThan(200);
    for (const [s, want] of FROZEN.parse) {
      const got = parseHttpDate(s);
      if (want === null) {
        expect(got, s).toBeNull();
        continue;
      }
      const [epoch, offsetMinutes, http, iso] = want;
      expect(got, s).toEqual(pyDateTime(epoch, offsetMinutes));
      expect(httpDate(epoch)).toBe(http);
      expect(isoDate(got!)).toBe(iso);
    }
  });
});

describe("parseIsoDate", () => {
  it.each([
    ["2024-02-29T12:34:56+00:00", 1709210096, 0],
    ["2024-02-29T12:34:56Z", 1709210096, 0],
    ["2024-02-29 12:34:56", 1709210096, 0],
    ["2024-02-29T12:34:56.999999Z", 1709210096, 0],
    ["2024-02-29T13:34:56+01:00", 1709210096, 60],
    ["2024-02-29T07:04:56-0530", 1709210096, -330],
    ["2024-02-29T12:34Z", 1709210040, 0],
    ["0001-01-01T00:00:00Z", -62135596800, 0],
  ])("reads %s", (text, epoch, offset) => {
    expect(parseIsoDate(text)).toEqual(pyDateTime(epoch, offset));
  });

  it("keeps -00:00 as offset 0, never -0", () => {
    expect(Object.is(parseIsoDate("2024-02-29T12:34:56-00:00")?.offsetMinutes, 0)).toBe(true);
  });

  it.each([
    "",
    "2024-02-30T00:00:00Z",
    "2024-02-29",
    "2024-13-01T00:00:00Z",
    "2024-02-29T12:34:56+24:00",
    "yesterday",
  ])("refuses %j", (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});
