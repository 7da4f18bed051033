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
 * It reads the text as an array of code units ending in 0 units (textCodes.ts): cheaper than
 * `charCodeAt`, and no bounds checks. Slices, messages and rare paths still use the string.
 */
import { LIMITS } from "../types";
import { type Dict, pyFloat, type Value } from "../value";
import { JsonError } from "./errors";
import { describe, integerValue, isDigit, readEscape } from "./lexemes";
import { codeUnits, INTERN_MAX_LENGTH, internKey } from "./textCodes";

class JsonScanner {
  pos = 0;
  readonly units: Uint16Array;
  constructor(
    readonly text: string,
    readonly python: boolean,
  ) {
    this.units = codeUnits(text);
  }

  fail(what: string, at = this.pos): JsonError {
    return new JsonError(`invalid JSON at character ${at}: ${what}`);
  }

  expected(what: string): JsonError {
    return this.fail(`expected ${what}, found ${describe(this.text, this.pos)}`);
  }

  skipWhitespace(): void {
    const units = this.units;
    let pos = this.pos;
    for (;;) {
      const c = units[pos]!;
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): Value {
    const c = this.units[this.pos]!;
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
        if (this.python && this.units[this.pos + 1] === 73) {
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
    const units = this.units;
    const result: Dict = new Map();
    this.pos++;
    this.skipWhitespace();
    if (units[this.pos] === 125) {
      this.pos++;
      return result;
    }
    for (;;) {
      if (units[this.pos] !== 34) {
        throw this.expected("an object key in double quotes");
      }
      const key = this.key();
      // Whitespace checks inline: compact JSON (Flask's) has none, Python's default one space.
      if (units[this.pos]! <= 32) this.skipWhitespace();
      if (units[this.pos] !== 58) throw this.expected("':' after an object key");
      this.pos++;
      if (units[this.pos]! <= 32) this.skipWhitespace();
      result.set(key, this.value(depth));
      if (units[this.pos]! <= 32) this.skipWhitespace();
      const c = units[this.pos];
      this.pos++;
      if (c === 44) {
        if (units[this.pos]! <= 32) this.skipWhitespace();
      } else if (c === 125) {
        return result;
      } else {
        this.pos--;
        throw this.expected("',' or '}' after an object value");
      }
    }
  }

  /** An object key: interned when short and free of escapes, else read as any string. */
  key(): string {
    const units = this.units;
    const start = this.pos + 1;
    let pos = start;
    let hash = 0;
    for (;;) {
      const c = units[pos]!;
      if (c === 34) break;
      if (c === 92 || c < 0x20) return this.string(); // escapes, a control character, the end
      hash = (Math.imul(hash, 31) + c) | 0;
      pos++;
    }
    this.pos = pos + 1;
    if (pos - start > INTERN_MAX_LENGTH) return this.text.slice(start, pos);
    return internKey(this.text, units, start, pos, hash);
  }

  array(depth: number): Value[] {
    this.checkDepth(depth);
    const units = this.units;
    const result: Value[] = [];
    this.pos++;
    this.skipWhitespace();
    if (units[this.pos] === 93) {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth));
      if (units[this.pos]! <= 32) this.skipWhitespace();
      const c = units[this.pos];
      this.pos++;
      if (c === 44) {
        if (units[this.pos]! <= 32) this.skipWhitespace();
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
    const units = this.units;
    const start = this.pos + 1;
    let pos = start;
    for (;;) {
      const c = units[pos]!;
      if (c === 34) {
        this.pos = pos + 1;
        return this.text.slice(start, pos);
      }
      if (c === 92) break;
      if (c < 0x20) return this.stringTrouble(start, pos); // also the 0 units past the end
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
    const units = this.units;
    let out = text.slice(start, firstEscape);
    let pos = firstEscape;
    let chunk = pos;
    for (;;) {
      const c = units[pos]!;
      if (c === 34) {
        this.pos = pos + 1;
        return out + text.slice(chunk, pos);
      }
      if (c === 92) {
        out += text.slice(chunk, pos);
        const read = readEscape(text, pos);
        if (typeof read === "string") throw this.fail(read, pos);
        out += read.decoded;
        pos = read.end;
        chunk = pos;
        continue;
      }
      if (c < 0x20) this.stringTrouble(start, pos);
      pos++;
    }
  }

  number(): Value {
    const units = this.units;
    const start = this.pos;
    let pos = start;
    const negative = units[pos] === 45;
    if (negative) pos++;
    const digitsStart = pos;
    const first = units[pos]!;
    if (first === 48) {
      pos++;
    } else if (first >= 49 && first <= 57) {
      pos++;
      while (isDigit(units[pos]!)) pos++;
    } else {
      this.pos = pos;
      throw this.expected("a digit after '-'");
    }
    const integerEnd = pos;
    if (units[pos] === 46 && isDigit(units[pos + 1]!)) {
      pos += 2;
      while (isDigit(units[pos]!)) pos++;
    }
    const e = units[pos];
    if (e === 101 || e === 69) {
      let p = pos + 1;
      const sign = units[p];
      if (sign === 43 || sign === 45) p++;
      if (isDigit(units[p]!)) {
        while (isDigit(units[p]!)) p++;
        pos = p;
      }
    }
    this.pos = pos;
    if (pos !== integerEnd) {
      const n = Number(this.text.slice(start, pos));
      return this.python ? pyFloat(n) : n;
    }
    if (pos - digitsStart > 15) return integerValue(this.text, start, pos, this.python);
    let n = 0;
    for (let i = digitsStart; i < pos; i++) n = n * 10 + (units[i]! - 48);
    // Python has no -0 integer; JSON.parse("-0") is -0.
    if (!negative) return n;
    return this.python ? 0 - n : -n;
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
