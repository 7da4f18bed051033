/**
 * Fuzzing past the signature: hostile payloads (unicode, lone surrogates, big ints, NaN, huge
 * numbers, deep nesting, Flask tags with bad contents, broken and bombing zlib streams) signed
 * correctly for every format by ./independentSigners, so the codec's payload readers — base64,
 * inflate, JSON, untagging — see them. A correctly signed cookie is judged on its payload
 * only: valid or bad_payload, signed by "secret", never anything else, and every answer is held
 * to ./fuzzCheck (no swallowed exception, inflate output ≤ LIMITS, a per-input deadline).
 */
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CodecOptions, FORMAT_IDS, type FormatId, LIMITS } from "../../src/codec";
import { decodeChecked } from "./fuzzCheck";
import {
  cookieSessionPair,
  djangoCookie,
  expressCookie,
  flaskCookie,
  flaskSignBody,
  itsdangerousCookie,
  itsTimestamp,
  NOW,
  SECRET,
  starletteCookie,
} from "./independentSigners";

const RUNS = { numRuns: 200 };
const signed: CodecOptions = { secret: SECRET, now: NOW };

// ---- hostile JSON texts ---------------------------------------------------------------------

const quote = (s: string) => JSON.stringify(s);
const digits = fc.integer({ min: 1, max: 5000 }).map((n) => "9".repeat(n));
const nesting = fc.integer({ min: LIMITS.maxDepth - 4, max: LIMITS.maxDepth + 4 });

/** JSON value texts a framework's loader may choke on. */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }).map(quote),
  fc.constantFrom(
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"a\\ud83d"',
    '"\\ud83d\\ude00"',
    '"\\u0000"',
    '"\u2028\u2029"',
  ),
  digits,
  digits.map((d) => `-${d}`),
  digits.map((d) => `${d}.5`),
  fc.constantFrom("NaN", "-NaN", "Infinity", "-Infinity", "nan", "1e400", "-1e400", "1e-400"),
  fc.constantFrom("1E+308", "4.9e-324", "-0.0", "-0", "0.1e1", "1.", ".1", "01", "1e", "--1"),
  fc.integer({ min: 0, max: 1000 }).map((n) => `0.${"0".repeat(n)}1`),
  nesting.map((d) => `${"[".repeat(d)}${"]".repeat(d)}`),
  nesting.map((d) => `${'{"a":'.repeat(d)}1${"}".repeat(d)}`),
  nesting.map((d) => `${'{" t":['.repeat(d)}${"]}".repeat(d)}`),
  fc.constantFrom(
    '{" d":"Thu, 01 Jan 1970 00:00:00 GMT"}',
    '{" d":"Fri, 31 Dec 9999 23:59:59 GMT"}',
    '{" d":"Sat, 01 Jan 10000 00:00:00 GMT"}',
    '{" d":"yesterday"}',
    '{" d":12}',
    '{" b":"!!"}',
    '{" b":12}',
    '{" u":"not-a-uuid"}',
    '{" u":"{12345678-1234-5678-1234-567812345678}"}',
    '{" t":"abc"}',
    '{" t":1}',
    '{" di":{}}',
    '{" di":1}',
    '{" m":1}',
    '{" m":"<b>"}',
    '{" x":1}',
  ),
);

/** Whole payload texts: hostile values inside sessions, and documents that are not sessions. */
const hostileJson: fc.Arbitrary<string> = fc.oneof(
  hostileValue.map((v) => `{"k":${v}}`),
  fc
    .array(
      fc.tuple(fc.constantFrom("a", "a", "__proto__", "constructor", "isNew", "0"), hostileValue),
      {
        maxLength: 4,
      },
    )
    .map((pairs) => `{${pairs.map(([k, v]) => `${quote(k)}:${v}`).join(",")}}`),
  hostileValue,
  fc.constantFrom("", " ", "{", '{"a":1', '{"a":1}x', '{"a":1}\n', "\ufeff{}", "[]", "null"),
);

/** Bytes that are not UTF-8, or that encode surrogates (CESU-8 style). */
const hostileBytes: fc.Arbitrary<Buffer> = fc
  .oneof(
    fc.constantFrom(
      "7b226b223a22eda080227d",
      "7b226b223a22c0af227d",
      "7b226b223a22ff227d",
      "fffe7b7d",
    ),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("hex")),
  )
  .map((hex) => Buffer.from(hex, "hex"));

const hostilePayload: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: hostileJson.map((text) => Buffer.from(text, "utf8")) },
  { weight: 1, arbitrary: hostileBytes },
);

/** Every format, correctly signed around `payload`; compress where the format can. */
function signedCookies(payload: Buffer, compress: boolean): [FormatId, string, CodecOptions][] {
  const cookies: [FormatId, string, CodecOptions][] = [
    ["flask", flaskCookie(payload, compress), signed],
    ["flask", flaskCookie(payload, compress), { ...signed, untagged: true }],
    ["itsdangerous", itsdangerousCookie(payload, compress), signed],
    ["starlette", starletteCookie(payload), signed],
    ["django", djangoCookie(payload, compress), signed],
  ];
  // An empty cookie-session value is "no session" to the library, whatever its sig says.
  if (payload.length > 0) {
    const pair = cookieSessionPair(payload);
    cookies.push(["cookie-session", pair.value, { ...signed, sig: pair.sig }]);
  }
  return cookies;
}

function expectJudgedOnPayload(format: FormatId, value: string, opts: CodecOptions): void {
  const result = decodeChecked(format, value, opts);
  expect(["valid", "bad_payload"], result.detail).toContain(result.status);
  expect(result.key).toBe("secret");
}

// ---- properties -----------------------------------------------------------------------------

describe("correctly signed hostile payloads, every format", () => {
  it("are judged on the payload alone: valid or bad_payload, signed by the secret", () => {
    fc.assert(
      fc.property(hostilePayload, fc.boolean(), (payload, compress) => {
        for (const [format, value, opts] of signedCookies(payload, compress)) {
          expectJudgedOnPayload(format, value, opts);
        }
      }),
      RUNS,
    );
  });

  it("random JSON documents and tag-shaped values likewise", () => {
    const payloads = fc.oneof(
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
      fc
        .tuple(fc.constantFrom(" t", " b", " u", " d", " m", " di", " x"), fc.jsonValue())
        .map(([tag, v]) => Buffer.from(JSON.stringify({ k: { [tag]: v } }))),
    );
    fc.assert(
      fc.property(payloads, fc.boolean(), (payload, compress) => {
        for (const [format, value, opts] of signedCookies(payload, compress)) {
          expectJudgedOnPayload(format, value, opts);
        }
      }),
      RUNS,
    );
  });

  it("express-session: any id, unicode and lone surrogates too, verifies as valid", () => {
    const ids = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
      fc.constantFrom("a.b", "%41", "s:x", ".", "\ud800", "x\udc00y", ""),
    );
    fc.assert(
      fc.property(ids, (id) => {
        const result = decodeChecked("express-session", expressCookie(id), signed);
        expect(result.status, `${JSON.stringify(id)}: ${result.detail}`).toBe("valid");
        expect(result.key).toBe("secret");
      }),
      RUNS,
    );
  });

  it("broken zlib streams (truncated, extended, bit-flipped) are bad_payload, never a throw", () => {
    fc.assert(
      fc.property(
        hostileJson,
        fc.nat(),
        fc.constantFrom("truncate", "extend", "flip"),
        (json, at, how) => {
          const stream = deflateSync(Buffer.from(json));
          const i = at % stream.length;
          const broken =
            how === "truncate"
              ? stream.subarray(0, i)
              : how === "extend"
                ? Buffer.concat([stream, Buffer.from([at & 255])])
                : Buffer.from(stream.map((b, j) => (j === i ? b ^ (1 << (at % 8)) : b)));
          const body = `.${broken.toString("base64url")}.${itsTimestamp(NOW)}`;
          const result = decodeChecked("flask", flaskSignBody(body), signed);
          expect(["valid", "bad_payload"]).toContain(result.status);
        },
      ),
      RUNS,
    );
  });
});

describe("hostile cookies", () => {
  it("refuses correctly signed zlib bombs naming the size limit, and keeps the inflate output bounded", () => {
    const bomb = Buffer.from(`{"a":"${"0".repeat(16 * 1024 * 1024)}"}`);
    const justOver = Buffer.from(`{"a":"${"0".repeat(LIMITS.maxInflatedBytes - 7)}"}`);
    const justUnder = Buffer.from(`{"a":"${"0".repeat(LIMITS.maxInflatedBytes - 8)}"}`);
    expect(justUnder.length).toBe(LIMITS.maxInflatedBytes);
    for (const payload of [bomb, justOver]) {
      expect(deflateSync(payload).length * 2).toBeLessThan(LIMITS.maxCookieLength);
      for (const [format, value] of [
        ["flask", flaskCookie(payload, true)],
        ["itsdangerous", itsdangerousCookie(payload, true)],
        ["django", djangoCookie(payload, true)],
      ] as const) {
        const result = decodeChecked(format, value, signed);
        expect(result.status).toBe("bad_payload");
        expect(result.detail).toContain(String(LIMITS.maxInflatedBytes));
      }
    }
    expect(decodeChecked("flask", flaskCookie(justUnder, true), signed).status).toBe("valid");
  });

  it("refuses a 1 MB value quickly, saying it is too long", () => {
    const huge = `eyJ${"A".repeat(1024 * 1024)}.${itsTimestamp(NOW)}.${"A".repeat(27)}`;
    for (const format of [...FORMAT_IDS, "auto"] as const) {
      for (const opts of [{}, signed]) {
        const result = decodeChecked(format, huge, opts);
        expect(["malformed", "bad_signature"]).toContain(result.status);
        expect(result.detail).toMatch(/long|length|characters/i);
      }
    }
  });

  it("answers 100k-deep nesting with bad_payload, without a stack overflow", () => {
    const depth = 100_000;
    const arrays = Buffer.from(`{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    const objects = Buffer.from(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
    const tuples = Buffer.from(`${'{" t":['.repeat(depth)}${"]}".repeat(depth)}`);
    for (const payload of [arrays, objects, tuples]) {
      for (const [format, value] of [
        ["flask", flaskCookie(payload, true)],
        ["itsdangerous", itsdangerousCookie(payload, true)],
        ["django", djangoCookie(payload, true)],
      ] as const) {
        expect(decodeChecked(format, value, signed).status).toBe("bad_payload");
      }
    }
  });

  it("still decodes nesting well inside the depth limit", () => {
    const depth = 400;
    const payload = Buffer.from(`{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    expect(decodeChecked("flask", flaskCookie(payload, true), signed).status).toBe("valid");
  });
});
