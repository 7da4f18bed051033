/**
 * Lines written as Python string literals (`'dev'`, `"it's"`, `'\x00\xff'`, `b'…'`), as the
 * Flask-Unsign list stores its secrets, read back into the text Python would hold. Only the
 * quoted list is read this way; user lists are taken literally (lines.ts).
 *
 * Escapes follow Python's str literal rules: `\\ \' \" \n \r \t \a \b \f \v`, octal `\ooo`,
 * `\xhh`, `\uXXXX`, `\UXXXXXXXX`; an unknown escape keeps its backslash. `b'…'` gives bytes
 * (each escape one byte), `r'…'` no escapes. A line that is not one literal, or holds a lone
 * surrogate (Python could not encode it as a key), gives null.
 */
import { utf8Encode } from "../codec/bytes";

const SIMPLE: Record<string, number> = {
  "\\": 0x5c,
  "'": 0x27,
  '"': 0x22,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  v: 0x0b,
};
const HEX = /^[0-9a-fA-F]+$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The secret's bytes as the framework would use them (str → UTF-8), or null. */
export function unquotePyLine(line: string): Uint8Array | null {
  const m = /^([rRbBuU]{0,2})(['"])([\s\S]*)\2$/.exec(line);
  if (m === null) return null;
  const prefix = m[1]!.toLowerCase();
  const raw = prefix.includes("r");
  const bytes = prefix.includes("b");
  const body = m[3]!;
  const quote = m[2]!.charCodeAt(0);
  if (raw) return body.includes(m[2]!) ? null : encode(body, bytes);
  const codes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === quote) return null; // the literal ended early: `'a' 'b'`, `'' # note`
    if (c !== 0x5c || i + 1 >= body.length) {
      codes.push(c);
      continue;
    }
    const e = body[i + 1]!;
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      codes.push(simple);
      i++;
    } else if (e >= "0" && e <= "7") {
      let j = i + 1;
      while (j < body.length && j < i + 4 && body[j]! >= "0" && body[j]! <= "7") j++;
      codes.push(Number.parseInt(body.slice(i + 1, j), 8));
      i = j - 1;
    } else if (e === "x" || (!bytes && (e === "u" || e === "U"))) {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (hex.length !== n || !HEX.test(hex)) return null; // Python: SyntaxError
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff) return null;
      if (cp > 0xffff)
        codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else codes.push(cp);
      i += 1 + n;
    } else if (e === "N" && !bytes) {
      return null; // \N{NAME}: needs the Unicode name table; not worth it for a handful of lines
    } else {
      codes.push(c); // unknown escape: the backslash stays
    }
  }
  let text = "";
  for (let i = 0; i < codes.length; i += 4096) {
    text += String.fromCharCode(...codes.slice(i, i + 4096));
  }
  return encode(text, bytes);
}

function encode(text: string, bytes: boolean): Uint8Array | null {
  if (bytes) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return null;
      out[i] = c;
    }
    return out;
  }
  return LONE_SURROGATE.test(text) ? null : utf8Encode(text);
}
