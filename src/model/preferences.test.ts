import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES, readPreferences } from "./preferences";

describe("readPreferences", () => {
  it("keeps a list of strings, once each", () => {
    expect(readPreferences({ columns: ["value", "secure", "value"] })).toEqual({
      columns: ["value", "secure"],
    });
  });

  it("drops whatever else storage holds", () => {
    for (const stored of [
      undefined,
      null,
      7,
      "value",
      [],
      { columns: "value" },
      { columns: null },
    ]) {
      expect(readPreferences(stored)).toEqual(DEFAULT_PREFERENCES);
    }
    expect(readPreferences({ columns: [1, {}, null, "x".repeat(65), "ok"] })).toEqual({
      columns: ["ok"],
    });
  });
});
