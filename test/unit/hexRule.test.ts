/**
 * One hex rule: a secret the CLI accepts as `--secret-hex` is the secret the panel stores as a
 * hex side and the editor accepts as bytes, and what one refuses the others refuse too.
 */
import { describe, expect, it } from "vitest";
import { toSecret } from "../../src/analysis/sideOptions";
import { parseLeaf } from "../../src/analysis/valueEdit";
import { parseHexSecret } from "../../src/cli/parse-values";
import { pyBytes } from "../../src/codec/value";

const accepted: [string, number[]][] = [
  ["8f3a01", [0x8f, 0x3a, 0x01]],
  ["0x8f3a01", [0x8f, 0x3a, 0x01]],
  ["8F:3A:01", [0x8f, 0x3a, 0x01]],
  ["0x8f 3a 01", [0x8f, 0x3a, 0x01]],
  [" 8f3a01\n", [0x8f, 0x3a, 0x01]],
];
const refused = ["8f3", "zz", "8f-3a", "0x0x00"];

describe("one hex rule for the CLI, the panel and the editor", () => {
  it.each(accepted)("all three read %j as the same bytes", (text, bytes) => {
    const want = new Uint8Array(bytes);
    expect(parseHexSecret("--secret-hex", text)).toEqual(want);
    expect(toSecret({ value: text, encoding: "hex" })).toEqual(want);
    expect(parseLeaf("bytes", text)).toEqual({ ok: true, value: pyBytes(want) });
  });

  it.each(refused)("all three refuse %j", (text) => {
    expect(() => parseHexSecret("--secret-hex", text)).toThrow(/--secret-hex is not valid hex/);
    expect(toSecret({ value: text, encoding: "hex" })).toBeUndefined();
    expect(parseLeaf("bytes", text)).toMatchObject({ ok: false });
  });
});
