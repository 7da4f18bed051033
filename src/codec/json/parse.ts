/**
 * JSON text → Value, in two dialects, without losing anything a re-encode needs.
 *
 *  - "python" = `json.loads` (strict): `NaN`/`Infinity`/`-Infinity` accepted; integer lexemes
 *    become `number` (or `PyBigInt` past ±(2^53−1)), lexemes with `.`/`e`/`E` become `PyFloat`,
 *    so `1.0` and `1` stay different; integers longer than 4300 digits are refused as
 *    CPython 3.11+ refuses them.
 *  - "js" = `JSON.parse`: every number is a plain (double) number.
 * Objects become Maps in textual order (a duplicate key keeps its first position and takes the
 * last value, as both Python dicts and JS objects do). Hand-written scanner: it is on the hot
 * path of every decode, and depth is counted so hostile nesting fails cleanly instead of
 * overflowing the stack. Error positions are 0-based character offsets, as Python reports them.
 */
import { LIMITS } from "../types";
import { type Dict, pyFloat, type Value } from "../value";
import { JsonError } from "./errors";
import { describe, hexValue, integerValue, isDigit, SIMPLE_ESCAPES } from "./lexemes";

class JsonScanner {
  pos = 0;
  constructor(
    readonly text: string,
    readonly python: boolean,
  ) {}

  fail(what: string, at = this.pos): JsonError {
    return new JsonError(`invalid JSON at character ${at}: ${what}`);
  }

  expected(what: string): JsonError {
    return this.fail(`expected ${what}, found ${describe(this.text, this.pos)}`);
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): Value {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 34: // "
        return this.string();
      case 123: // {
        return this.object(depth + 1);
      case 91: // [
        return this.array(depth + 1);
      case 116: // t
        return this.literal("true", true);
      case 102: // f
        return this.literal("false", false);
      case 110: // n
        return this.literal("null", null);
      case 78: // N
        if (this.python) return this.literal("NaN", pyFloat(Number.NaN));
        break;
      case 73: // I
        if (this.python) return this.literal("Infinity", pyFloat(Number.POSITIVE_INFINITY));
        break;
      case 45: // -
        if (this.python && this.text.charCodeAt(this.pos + 1) === 73) {
          return this.literal("-Infinity", pyFloat(Number.NEGATIVE_INFINITY));
        }
        return this.number();
      default:
        if (c >= 48 && c <= 57) return this.number();
    }
    throw this.expected("a value");
  }

  literal<T extends Value>(word: string, result: T): T {
    if (!this.text.startsWith(word, this.pos)) throw this.expected(`'${word}'`);
    this.pos += word.length;
    return result;
  }

  checkDepth(depth: number): void {
    if (depth > LIMITS.maxDepth) throw this.fail(`nested deeper than ${LIMITS.maxDepth} levels`);
  }

  object(depth: number): Dict {
    this.checkDepth(depth);
    const text = this.text;
    const result: Dict = new Map();
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return result;
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== 34) {
        throw this.expected("an object key in double quotes");
      }
      const key = this.string();
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== 58) throw this.expected("':' after an object key");
      this.pos++;
      this.skipWhitespace();
      result.set(key, this.value(depth));
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === 44) {
        this.skipWhitespace();
      } else if (c === 125) {
        return result;
      } else {
        this.pos--;
        throw this.expected("',' or '}' after an object value");
      }
    }
  }

  array(depth: number): Value[] {
    this.checkDepth(depth);
    const text = this.text;
    const result: Value[] = [];
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth));
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === 44) {
        this.skipWhitespace();
      } else if (c === 93) {
        return result;
      } else {
        this.pos--;
        throw this.expected("',' or ']' after an array item");
      }
    }
  }

  /** At the opening quote; returns the decoded string and leaves `pos` after the closing one. */
  string(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === 92) break;
      // `!(c >= 0x20)` is also true for NaN, i.e. the end of the text.
      if (!(c >= 0x20)) return this.stringTrouble(start, pos);
      pos++;
    }
    return this.escapedString(start, pos);
  }

  stringTrouble(start: number, pos: number): never {
    if (pos >= this.text.length) throw this.fail("unterminated string", start - 1);
    const hex = this.text.charCodeAt(pos).toString(16).padStart(4, "0");
    throw this.fail(`control character U+${hex} inside a string must be escaped`, pos);
  }

  /** Slow path from the first backslash on. */
  escapedString(start: number, firstEscape: number): string {
    const text = this.text;
    let out = text.slice(start, firstEscape);
    let pos = firstEscape;
    let chunk = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return out + text.slice(chunk, pos);
      }
      if (c === 92) {
        out += text.slice(chunk, pos);
        pos = this.escape(pos);
        out += this.decodedEscape;
        chunk = pos;
        continue;
      }
      if (!(c >= 0x20)) this.stringTrouble(start, pos);
      pos++;
    }
  }

  decodedEscape = "";

  /** At a backslash; sets `decodedEscape`, returns the position after the escape. */
  escape(pos: number): number {
    const c = this.text.charCodeAt(pos + 1);
    const simple = c < 128 ? SIMPLE_ESCAPES[c] : undefined;
    if (simple !== undefined) {
      this.decodedEscape = simple;
      return pos + 2;
    }
    if (c === 117) {
      let unit = 0;
      for (let i = pos + 2; i < pos + 6; i++) {
        const h = hexValue(this.text.charCodeAt(i));
        if (h < 0) throw this.fail("a \\u escape needs exactly 4 hex digits", pos);
        unit = unit * 16 + h;
      }
      // Lone surrogates are kept: a JS string holds them as Python's str does.
      this.decodedEscape = String.fromCharCode(unit);
      return pos + 6;
    }
    if (pos + 1 >= this.text.length) throw this.fail("unterminated string", pos);
    throw this.fail(
      `invalid escape in a string: a backslash followed by ${describe(this.text, pos + 1)}`,
      pos,
    );
  }

  number(): Value {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === 45) pos++;
    const first = text.charCodeAt(pos);
    if (first === 48) {
      pos++;
    } else if (first >= 49 && first <= 57) {
      pos++;
      while (isDigit(text.charCodeAt(pos))) pos++;
    } else {
      this.pos = pos;
      throw this.expected("a digit after '-'");
    }
    const integerEnd = pos;
    if (text.charCodeAt(pos) === 46 && isDigit(text.charCodeAt(pos + 1))) {
      pos += 2;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      let p = pos + 1;
      const sign = text.charCodeAt(p);
      if (sign === 43 || sign === 45) p++;
      if (isDigit(text.charCodeAt(p))) {
        while (isDigit(text.charCodeAt(p))) p++;
        pos = p;
      }
    }
    this.pos = pos;
    if (pos !== integerEnd) {
      const n = Number(text.slice(start, pos));
      return this.python ? pyFloat(n) : n;
    }
    return integerValue(text, start, pos, this.python);
  }
}

/** Parse JSON text as Python's `json.loads` ("python") or `JSON.parse` ("js") reads it. */
export function parseJson(text: string, mode: "python" | "js"): Value {
  const scanner = new JsonScanner(text, mode === "python");
  scanner.skipWhitespace();
  if (scanner.pos >= text.length) {
    throw new JsonError(
      text.length === 0 ? "invalid JSON: the text is empty" : "invalid JSON: only whitespace",
    );
  }
  if (text.charCodeAt(0) === 0xfeff) {
    throw scanner.fail("the text starts with a byte order mark (U+FEFF)", 0);
  }
  const result = scanner.value(0);
  scanner.skipWhitespace();
  if (scanner.pos < text.length) {
    throw scanner.fail(`unexpected ${describe(text, scanner.pos)} after the end of the JSON value`);
  }
  return result;
}
