/**
 * `signSession` refuses what the framework itself refuses to write, with a CodecError saying
 * why, and throws nothing else whatever it is given (JavaScript callers can pass anything).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CodecError,
  type CodecOptions,
  decodeCookie,
  dict,
  FORMAT_IDS,
  type FormatId,
  pyBigInt,
  pyTuple,
  signSession,
  type Value,
} from "../../../src/codec";

const SECRET = "edge-secret";
const TS = 1767237945;
const opts: CodecOptions = { secret: SECRET, timestamp: TS };

function refusal(format: FormatId, data: unknown, extra: CodecOptions = {}): CodecError {
  try {
    signSession(format, data as Value, { ...opts, ...extra });
  } catch (e) {
    expect(e).toBeInstanceOf(CodecError);
    return e as CodecError;
  }
  throw new Error(`${format} signed it`);
}

describe("lone surrogates", () => {
  const lone = dict([["k", "a\ud800b"]]);

  it("Flask with ensure_ascii (its default) writes them as \\ud800 escapes, as Python's json does", () => {
    const value = signSession("flask", lone, opts).value;
    const r = decodeCookie("flask", value, { secret: SECRET, now: TS });
    expect(r.payloadJson).toBe('{"k":"a\\ud800b"}');
    expect(r.status).toBe("valid");
  });

  it.each([
    ["flask", { ensureAscii: false }],
    ["flask", { untagged: true, sortKeys: false, ensureAscii: false }],
    ["itsdangerous", {}],
  ] as const)(
    "%s %j refuses them, as Python's .encode('utf-8') raises UnicodeEncodeError without ensure_ascii",
    (format, extra) => {
      const e = refusal(format, lone, extra);
      expect(e.code).toBe("unencodable");
      expect(e.message).toMatch(/lone surrogate \(U\+D800\).*UnicodeEncodeError/);
      // a proper pair is fine
      expect(() =>
        signSession(format, dict([["k", "\ud83d\ude00"]]), { ...opts, ...extra }),
      ).not.toThrow();
    },
  );

  it.each(["starlette", "django"] as const)(
    "%s escapes them (json.dumps' ensure_ascii default) and signs",
    (format) => {
      expect(() => signSession(format, lone, opts)).not.toThrow();
    },
  );

  it("a lone surrogate in a dict key is refused too without ensure_ascii", () => {
    expect(refusal("itsdangerous", dict([["\udc00", 1]])).message).toMatch(/U\+DC00/);
  });

  it("express-session refuses an id cookie.serialize cannot URI-encode (encodeURIComponent throws URIError)", () => {
    const e = refusal("express-session", "id\ud800");
    expect(e.code).toBe("unencodable");
    expect(e.message).toMatch(/lone surrogate.*URIError/);
    expect(e.message).not.toMatch(/internal error/);
  });

  it("cookie-session writes them as JSON.stringify does (\\ud800 escapes)", () => {
    const { value } = signSession("cookie-session", lone, { secret: SECRET });
    expect(Buffer.from(value, "base64").toString("utf8")).toBe('{"k":"a\\ud800b"}');
  });
});

describe("Python's 4300-digit limit for int → str", () => {
  const digits = (n: number) => BigInt(`9${"0".repeat(n - 1)}`);

  it.each(["flask", "starlette", "django", "itsdangerous"] as const)(
    "%s refuses an int of 4301 digits, as json.dumps raises ValueError, and writes 4300",
    (format) => {
      const e = refusal(format, dict([["n", pyBigInt(digits(4301))]]));
      expect(e.message).toMatch(/4301 digits exceeds Python's limit of 4300/);
      expect(refusal(format, dict([["n", pyBigInt(-digits(4301))]])).message).toMatch(
        /4301 digits/,
      );
      expect(() => signSession(format, dict([["n", pyBigInt(-digits(4300))]]), opts)).not.toThrow();
    },
  );
});

describe("the sign API throws only CodecError", () => {
  const deep = (depth: number): Value => {
    let v: Value = 1;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  it.each(FORMAT_IDS)(
    "%s: nesting is bounded on the way out too (100k deep, as a tuple as well)",
    (format) => {
      for (const inner of [deep(100_000), pyTuple([deep(100_000)])]) {
        const data = format === "express-session" ? inner : dict([["a", inner]]);
        const e = refusal(format, data);
        expect(e.message).toMatch(/nested deeper than 512 levels|session id/);
      }
    },
  );

  it.each(FORMAT_IDS)(
    "%s: undefined, cycles, functions, plain objects and bare bigints are refused with a message",
    (format) => {
      const cyclic: Value[] = [];
      cyclic.push(cyclic);
      const cases: [unknown, RegExp][] = [
        [undefined, /undefined/],
        [dict([["a", undefined as unknown as Value]]), /session\["a"\] is undefined/],
        [dict([["a", cyclic]]), /session\["a"\]\[0\] refers back .* \(a cycle\)/],
        [dict([["f", (() => 1) as unknown as Value]]), /is a function/],
        [dict([["o", { a: 1 } as unknown as Value]]), /plain object: dicts are Maps/],
        [dict([["b", 5n as unknown as Value]]), /bare bigint/],
        [dict([["d", new Date() as unknown as Value]]), /is a Date/],
        [
          dict([["t", { kind: "tuple" } as unknown as Value]]),
          /"tuple" value with missing or mistyped fields/,
        ],
      ];
      for (const [data, message] of cases) {
        expect(refusal(format, data).message).toMatch(message);
      }
    },
  );

  it("whatever it is given, every format either signs or throws a CodecError", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMAT_IDS),
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
        (format, data) => {
          try {
            signSession(format, data as Value, opts);
          } catch (e) {
            expect(e).toBeInstanceOf(CodecError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
