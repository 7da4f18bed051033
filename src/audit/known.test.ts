import { describe, expect, it } from "vitest";
import { utf8Decode } from "../codec/bytes";
import { knownSecrets, PUBLIC_LIST_SIZE, packQuotedLists } from "./known";
import flaskUnsignList from "./known/flask-unsign-wordlist-all.txt";
import { unquotePyLine } from "./pyQuoted";

const text = (b: Uint8Array | null) => (b === null ? null : utf8Decode(b));

describe("Python-quoted lines", () => {
  it("reads quotes, escapes and prefixes as Python does", () => {
    expect(text(unquotePyLine("'dev'"))).toBe("dev");
    expect(text(unquotePyLine(`"it's"`))).toBe("it's");
    expect(text(unquotePyLine(String.raw`'a\nb\tc\\d\'e'`))).toBe("a\nb\tc\\d'e");
    expect(text(unquotePyLine(String.raw`'\d\w'`))).toBe(String.raw`\d\w`);
    expect(text(unquotePyLine(String.raw`'\x41\u00e9\U0001F600\101\0'`))).toBe("Aé😀A\0");
    expect(text(unquotePyLine(String.raw`r'\n'`))).toBe(String.raw`\n`);
    expect([...unquotePyLine(String.raw`b'\xec]'`)!]).toEqual([0xec, 0x5d]);
    // \xec in a str is U+00EC, which the framework encodes as UTF-8
    expect([...unquotePyLine(String.raw`'\xec'`)!]).toEqual([0xc3, 0xac]);
  });
  it("refuses what is not one literal, and lone surrogates", () => {
    expect(unquotePyLine("dev")).toBeNull();
    expect(unquotePyLine(`'dev"`)).toBeNull();
    expect(unquotePyLine(String.raw`'\ud800'`)).toBeNull();
    expect(unquotePyLine(String.raw`'\x4'`)).toBeNull();
  });
});

describe("the built-in list", () => {
  it("starts with the empty secret, keeps first copies only", () => {
    const l = packQuotedLists(["''\n'a'\n'b'\n", "'a'\n\"b\"\n'c'\r\n"]);
    expect(l.count).toBe(4);
    const words = Array.from({ length: l.count }, (_, i) =>
      utf8Decode(l.bytes.subarray(l.spans[2 * i]!, l.spans[2 * i + 1]!)),
    );
    expect(words).toEqual(["", "a", "b", "c"]);
  });
  it("packs the public list as unquotePyLine reads each line (the ASCII fast path included)", () => {
    const reference: string[] = [];
    const seen = new Set<string>();
    for (const line of flaskUnsignList.split("\n")) {
      const bytes = line === "" ? null : unquotePyLine(line.replace(/\r$/, ""));
      if (bytes === null) continue;
      const id = Array.from(bytes, (b) => String.fromCharCode(b)).join("");
      if (!seen.has(id)) reference.push(id);
      seen.add(id);
    }
    const l = packQuotedLists([flaskUnsignList]);
    const packed = Array.from({ length: l.count }, (_, i) =>
      Array.from(l.bytes.subarray(l.spans[2 * i]!, l.spans[2 * i + 1]!), (b) =>
        String.fromCharCode(b),
      ).join(""),
    );
    expect(packed).toEqual(reference);
    // both paths share one de-duplication: 'é' (UTF-8) and '\xe9' are one secret
    expect(packQuotedLists(["'\u00e9'\n'\\xe9'\n'a'\n\"a\"\n"]).count).toBe(2);
  });

  it("holds the public list and the defaults, de-duplicated", () => {
    const l = knownSecrets();
    expect(l.spans[0]).toBe(l.spans[1]); // the empty secret first
    const words = new Set<string>();
    for (let i = 0; i < l.count; i++) {
      words.add(String.fromCharCode(...l.bytes.subarray(l.spans[2 * i]!, l.spans[2 * i + 1]!)));
    }
    expect(words.size).toBe(l.count);
    for (const w of ["dev", "super-secret", "keyboard cat", "sessionlens-demo-secret"]) {
      expect(words.has(w)).toBe(true);
    }
    // Python's ast.literal_eval over the same file gives 52,808 distinct byte strings
    // (21 lines it refuses); the defaults come on top
    expect(packQuotedLists([flaskUnsignList]).count).toBe(52808);
    expect(l.count).toBeGreaterThan(52808);
    expect(PUBLIC_LIST_SIZE).toBe(flaskUnsignList.trimEnd().split("\n").length);
  });
});
