/**
 * Python literals read back into session values: the inverse of `reprValue` (pyRepr.ts), so
 * what a Flask developer types in a Python shell — `{'user': 'alice', 'roles': ('admin',),
 * 'admin': True}` — or copies from the panel can be signed as it is. Covers exactly the types a
 * session holds: None/True/False, int (big ones too), float (`1.0`, `1e-07`, `inf`, `nan`), str,
 * bytes `b'…'`, list, tuple, dict with str keys, and the reprs of UUID, Markup and an aware
 * datetime. Hand-written because no library parses Python literals into these tagged values; it
 * is small, bounded in depth, and every error names the character where it went wrong.
 */
import { LIMITS } from "../codec/types";
import {
  dict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../codec/value";

export class PyLiteralError extends Error {}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
};
const NAMES: Record<string, Value> = {
  None: null,
  True: true,
  False: false,
  inf: pyFloat(Number.POSITIVE_INFINITY),
  nan: pyFloat(Number.NaN),
};
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const UUID_TEXT = /^[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$/;
const ZONE = /^UTC(?:([+-])(\d\d):(\d\d))?$|^datetime\.timezone\.utc$|^timezone\.utc$/;

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    const near = this.text.slice(this.pos, this.pos + 12);
    const at =
      this.pos >= this.text.length ? "at the end" : `at character ${this.pos + 1} ("${near}")`;
    throw new PyLiteralError(`${at}: expected ${what}`);
  }
  skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? "")) this.pos++;
  }
  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? "";
  }
  eat(ch: string): boolean {
    if (this.peek() !== ch) return false;
    this.pos++;
    return true;
  }
  expect(ch: string, what: string): void {
    if (!this.eat(ch)) this.fail(what);
  }

  value(depth: number): Value {
    if (depth > LIMITS.maxDepth) this.fail(`at most ${LIMITS.maxDepth} levels of nesting`);
    const ch = this.peek();
    if (ch === "{") return this.dictValue(depth);
    if (ch === "[") return this.items("[", "]", depth);
    if (ch === "(") return this.tupleValue(depth);
    if (ch === "'" || ch === '"') return this.string();
    if ((ch === "b" || ch === "B") && /['"]/.test(this.text[this.pos + 1] ?? "")) {
      this.pos++;
      return pyBytes(Uint8Array.from(this.string(true), (c) => c.charCodeAt(0)));
    }
    if (/[-\d.]/.test(ch)) return this.number();
    return this.named(depth);
  }

  items(open: string, close: string, depth: number): Value[] {
    this.expect(open, open);
    const out: Value[] = [];
    while (!this.eat(close)) {
      out.push(this.value(depth + 1));
      if (!this.eat(",")) {
        this.expect(close, `"," or "${close}"`);
        break;
      }
    }
    return out;
  }

  tupleValue(depth: number): Value {
    const start = this.pos;
    const items = this.items("(", ")", depth);
    // `(x)` is x in Python; only `(x,)` is a one-item tuple.
    const oneWithoutComma = items.length === 1 && !/,\s*\)$/.test(this.text.slice(start, this.pos));
    return oneWithoutComma ? (items[0] ?? null) : pyTuple(items);
  }

  dictValue(depth: number): Value {
    this.expect("{", "{");
    const entries: [string, Value][] = [];
    while (!this.eat("}")) {
      const quote = this.peek();
      if (quote !== "'" && quote !== '"') this.fail("a key in quotes (session keys are strings)");
      const key = this.string();
      this.expect(":", `":" after the key '${key}'`);
      entries.push([key, this.value(depth + 1)]);
      if (!this.eat(",")) {
        this.expect("}", '"," or "}"');
        break;
      }
    }
    return dict(entries);
  }

  /** A quoted string; for bytes only \x escapes and ASCII are allowed, one char per byte. */
  string(bytes = false): string {
    const quote = this.text[this.pos];
    this.pos++;
    let out = "";
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === undefined || ch === "\n") this.fail(`the closing ${quote}`);
      if (ch === quote) return out;
      if (ch !== "\\") {
        if (bytes && ch.charCodeAt(0) > 0x7f) this.fail("only ASCII characters in b'…'");
        out += ch;
        continue;
      }
      const esc = this.text[this.pos++] ?? "";
      const width = esc === "x" ? 2 : !bytes && esc === "u" ? 4 : !bytes && esc === "U" ? 8 : 0;
      if (width > 0) {
        const digits = this.text.slice(this.pos, this.pos + width);
        if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) this.fail(`${width} hex digits`);
        this.pos += width;
        out += String.fromCodePoint(Number.parseInt(digits, 16));
      } else if (esc in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[esc];
      else this.fail("a known escape (\\\\, \\', \\n, \\t, \\xhh…)");
    }
  }

  number(): Value {
    const match = NUMBER.exec(this.text.slice(this.pos));
    if (match === null) {
      if (this.text.startsWith("-inf", this.pos)) {
        this.pos += 4;
        return pyFloat(Number.NEGATIVE_INFINITY);
      }
      this.fail("a number");
    }
    this.pos += match[0].length;
    const text = match[0];
    if (/[.eE]/.test(text)) return pyFloat(Number(text));
    const big = BigInt(text);
    return Number.isSafeInteger(Number(big)) ? Number(big) : pyBigInt(big);
  }

  named(depth: number): Value {
    const match = NAME.exec(this.text.slice(this.pos));
    if (match === null) this.fail("a value (a string, number, True/False/None, [ ], ( ) or { })");
    const name = match[0];
    const start = this.pos;
    this.pos += name.length;
    if (name in NAMES) return NAMES[name] ?? null;
    if (this.peek() !== "(") {
      this.pos = start;
      this.fail(`a value (True, False, None, a string, a number…), not the name ${name}`);
    }
    const call = name.replace(/^(datetime|uuid|markupsafe)\./, "");
    if (call === "UUID" || call === "Markup") {
      const [arg, more] = this.items("(", ")", depth);
      if (typeof arg !== "string" || more !== undefined) this.fail(`${call}('…') with one string`);
      if (call === "Markup") return pyMarkup(arg);
      if (!UUID_TEXT.test(arg)) this.fail("a UUID of 32 hex digits");
      return pyUuid(arg.replaceAll("-", ""));
    }
    if (call === "datetime") return this.datetime();
    return this.fail(`a value: ${name}(…) is not one a session holds (UUID, Markup, datetime)`);
  }

  /** `datetime(Y, M, D[, h[, m[, s]]], tzinfo=UTC|UTC±hh:mm|datetime.timezone.utc)`. */
  datetime(): Value {
    this.expect("(", "(");
    const fields: number[] = [];
    let offsetMinutes: number | null = null;
    while (!this.eat(")")) {
      if (this.text.startsWith("tzinfo", this.pos)) {
        this.pos += "tzinfo".length;
        this.expect("=", "=");
        this.skipSpace();
        const zone = /^[A-Za-z_.]+(?:[+-]\d\d:\d\d)?/.exec(this.text.slice(this.pos))?.[0] ?? "";
        const m = ZONE.exec(zone);
        if (m === null) this.fail("tzinfo=UTC (a session datetime is aware)");
        this.pos += zone.length;
        const minutes = m[1] === undefined ? 0 : Number(m[2]) * 60 + Number(m[3]);
        offsetMinutes = m[1] === "-" ? -minutes : minutes;
      } else {
        const n = this.number();
        if (typeof n !== "number") this.fail("a whole number");
        fields.push(n);
      }
      if (!this.eat(",")) {
        this.expect(")", '"," or ")"');
        break;
      }
    }
    if (fields.length < 3 || fields.length > 6) this.fail("datetime(year, month, day[, h, m, s])");
    if (offsetMinutes === null) this.fail("tzinfo=UTC (a session datetime is aware)");
    const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fields;
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
    const check = new Date(0);
    check.setUTCFullYear(y, mo - 1, d);
    check.setUTCHours(h, mi, s, 0);
    const wall = check.getTime();
    const fits = h < 24 && mi < 60 && s < 60 && y >= 1 && y <= 9999;
    if (Number.isNaN(wall) || !fits || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
      this.fail("a real date and time (year 1–9999)");
    }
    return pyDateTime(wall / 1000 - offsetMinutes * 60, offsetMinutes);
  }
}

/** Parse one Python literal; throws PyLiteralError with the place and what was expected. */
export function parsePyLiteral(text: string): Value {
  const reader = new Reader(text);
  const value = reader.value(0);
  if (reader.peek() !== "") reader.fail("the end of the input");
  return value;
}
