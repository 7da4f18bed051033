/**
 * Fuzzing `decodeCookie` for every format and "auto": random text, random bytes read as
 * latin1, mutated real cookies, and correctly signed cookies around random payloads. Whatever
 * comes in, it must not throw, must answer a contract status with a non-empty detail, and must
 * answer fast (a hang or bomb detector, not a timing test). Then targeted hostile cookies: a
 * signed zlib bomb, a 1 MB value, 100k-deep nesting.
 * Signed cookies come from ./independentSigners (node:crypto, not the codec's primitives).
 */
import { readdirSync, readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CodecOptions,
  type DecodeResult,
  decodeCookie,
  FORMAT_IDS,
  type FormatId,
  LIMITS,
  type Status,
} from "../../src/codec";
import {
  cookieSessionPair,
  djangoCookie,
  flaskCookie,
  itsTimestamp,
  NOW,
  SECRET,
  starletteCookie,
} from "./independentSigners";

const STATUSES: readonly Status[] = [
  "valid",
  "valid_legacy",
  "bad_signature",
  "expired",
  "bad_payload",
  "malformed",
  "unverified",
];
const TARGETS: readonly (FormatId | "auto")[] = [...FORMAT_IDS, "auto"];
/** Only an endless loop or a decompression/recursion blow-up gets anywhere near this. */
const HANG_BOUND_MS = 200;

let slowestMs = 0;
afterAll(() => {
  expect(slowestMs).toBeLessThan(HANG_BOUND_MS);
});

/** Decode, time it, and check what every answer must satisfy whatever the input. */
function decodeChecked(format: FormatId | "auto", value: string, opts: CodecOptions): DecodeResult {
  const started = performance.now();
  const result = decodeCookie(format, value, opts);
  const elapsed = performance.now() - started;
  slowestMs = Math.max(slowestMs, elapsed);
  expect(elapsed).toBeLessThan(HANG_BOUND_MS);
  expect(STATUSES).toContain(result.status);
  expect(result.detail.trim()).not.toBe("");
  if (format !== "auto") expect(result.format).toBe(format);
  const hasKey = opts.secret !== undefined || (opts.fallbacks?.length ?? 0) > 0;
  if (!hasKey) {
    expect(["unverified", "malformed"]).toContain(result.status);
    expect(result.key).toBeNull();
  } else if (format !== "auto") {
    // cli.md: with an explicit format, what the verifier rejects is bad_signature, not malformed.
    expect(["malformed", "unverified"]).not.toContain(result.status);
  }
  if (result.key !== null) {
    expect(["valid", "valid_legacy", "expired", "bad_payload"]).toContain(result.status);
  }
  return result;
}

// ---- input generators -----------------------------------------------------------------------

const COOKIE_CHARS = 'ABCXYZabexyz0189-_.:=+/%"s!{} \u00e9\u2028';
const cookieText = fc.string({ unit: fc.constantFrom(...COOKIE_CHARS), maxLength: 200 });
const utf16Text = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
const latin1Bytes = fc
  .uint8Array({ maxLength: 300 })
  .map((bytes) => Buffer.from(bytes).toString("latin1"));
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  utf16Text,
  latin1Bytes,
  cookieText,
);

const options: fc.Arbitrary<CodecOptions> = fc.record(
  {
    secret: fc.oneof(fc.constant(SECRET), fc.constant("flask-public-secret-1"), fc.uint8Array()),
    fallbacks: fc.array(fc.oneof(fc.string(), fc.uint8Array()), { maxLength: 2 }),
    sig: fc.oneof(fc.string({ maxLength: 50 }), cookieText),
    maxAge: fc.oneof(fc.constant(null), fc.nat()),
    now: fc.integer({ min: -1e10, max: 1e10 }),
    untagged: fc.boolean(),
    name: fc.constantFrom("session", "sessionid", "connect.sid"),
  },
  { requiredKeys: [] },
);

function vectorCookies(): string[] {
  const dir = new URL("../fixtures/vectors/", import.meta.url);
  const values = new Set<string>();
  for (const file of readdirSync(dir)) {
    const { vectors } = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as {
      vectors: { cookie_value?: unknown }[];
    };
    for (const v of vectors) if (typeof v.cookie_value === "string") values.add(v.cookie_value);
  }
  return [...values];
}

const mutation = fc.record({
  kind: fc.constantFrom("flip", "insert", "delete", "truncate", "duplicate", "drop", "append"),
  at: fc.nat(),
  char: fc.constantFrom(...COOKIE_CHARS),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(value: string, m: Mutation): string {
  const i = value.length === 0 ? 0 : m.at % (value.length + 1);
  const segments = value.split(/([.:])/);
  const s = segments.length === 0 ? 0 : m.at % segments.length;
  switch (m.kind) {
    case "flip":
      return value.slice(0, i) + m.char + value.slice(i + 1);
    case "insert":
      return value.slice(0, i) + m.char + value.slice(i);
    case "delete":
      return value.slice(0, i) + value.slice(i + 1);
    case "truncate":
      return value.slice(0, i);
    case "duplicate":
      return [...segments.slice(0, s + 1), ...segments.slice(s)].join("");
    case "drop":
      return [...segments.slice(0, s), ...segments.slice(s + 1)].join("");
    default:
      return value + m.char.repeat(1 + (m.at % 5));
  }
}

const mutatedCookie = fc
  .tuple(fc.constantFrom(...vectorCookies()), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([value, mutations]) => mutations.reduce(mutate, value));

const signedOptions: CodecOptions = { secret: SECRET, now: NOW };

// ---- properties -----------------------------------------------------------------------------

const RUNS = { numRuns: 300 };

describe("decodeCookie under fuzzing", () => {
  it.each(TARGETS)("%s: random text and bytes, with and without keys", (format) => {
    fc.assert(
      fc.property(anyText, fc.option(options, { nil: undefined }), (value, opts) => {
        decodeChecked(format, value, opts ?? {});
      }),
      RUNS,
    );
  });

  it.each(TARGETS)("%s: mutated real cookies", (format) => {
    fc.assert(
      fc.property(mutatedCookie, fc.option(options, { nil: undefined }), (value, opts) => {
        decodeChecked(format, value, opts ?? {});
      }),
      RUNS,
    );
  });

  const payloads = fc.oneof(
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
    fc
      .tuple(fc.constantFrom(" t", " b", " u", " d", " m", " di", " x"), fc.jsonValue())
      .map(([tag, v]) => Buffer.from(JSON.stringify({ k: { [tag]: v } }))),
  );

  it("correctly signed random payloads are valid or bad_payload, never anything else", () => {
    fc.assert(
      fc.property(payloads, fc.boolean(), (payload, compress) => {
        const cookies: [FormatId, string, CodecOptions][] = [
          ["flask", flaskCookie(payload, compress), signedOptions],
          ["starlette", starletteCookie(payload), signedOptions],
          ["django", djangoCookie(payload, compress), signedOptions],
        ];
        // An empty cookie-session value is "no session" to the library, whatever its sig says.
        if (payload.length > 0) {
          const pair = cookieSessionPair(payload);
          cookies.push(["cookie-session", pair.value, { ...signedOptions, sig: pair.sig }]);
        }
        for (const [format, value, opts] of cookies) {
          const result = decodeChecked(format, value, opts);
          expect(["valid", "bad_payload"]).toContain(result.status);
          expect(result.key).toBe("secret");
        }
      }),
      RUNS,
    );
  });
});

describe("hostile cookies", () => {
  it("refuses a correctly signed zlib bomb quickly, naming the size limit", () => {
    const bomb = Buffer.from(`{"a":"${"0".repeat(16 * 1024 * 1024)}"}`);
    const compressed = deflateSync(bomb);
    expect(compressed.length * 2).toBeLessThan(LIMITS.maxCookieLength);
    for (const [format, value] of [
      ["flask", flaskCookie(bomb, true)],
      ["django", djangoCookie(bomb, true)],
    ] as const) {
      const result = decodeChecked(format, value, signedOptions);
      expect(result.status).toBe("bad_payload");
      expect(result.detail).toContain(String(LIMITS.maxInflatedBytes));
    }
  });

  it("refuses a 1 MB value quickly, saying it is too long", () => {
    const huge = `eyJ${"A".repeat(1024 * 1024)}.${itsTimestamp(NOW)}.${"A".repeat(27)}`;
    for (const format of TARGETS) {
      for (const opts of [{}, signedOptions]) {
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
      expect(decodeChecked("flask", flaskCookie(payload, true), signedOptions).status).toBe(
        "bad_payload",
      );
      expect(decodeChecked("django", djangoCookie(payload, true), signedOptions).status).toBe(
        "bad_payload",
      );
    }
  });

  it("still decodes nesting well inside the depth limit", () => {
    const depth = 400;
    const payload = Buffer.from(`{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    expect(decodeChecked("flask", flaskCookie(payload, true), signedOptions).status).toBe("valid");
  });
});
