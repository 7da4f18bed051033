/**
 * Fuzzing `decodeCookie` for every format and "auto" with unsigned garbage: random text, random
 * bytes read as latin1, and mutated real cookies, with and without keys. Every answer is held to
 * ./fuzzCheck (contract status, no swallowed exception, bounded work). Correctly signed hostile
 * payloads, which reach past the signature, are fuzzed in ./fuzzSigned.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, it } from "vitest";
import { type CodecOptions, FORMAT_IDS, type FormatId } from "../../src/codec";
import { decodeChecked } from "./fuzzCheck";
import { SECRET } from "./independentSigners";

const TARGETS: readonly (FormatId | "auto")[] = [...FORMAT_IDS, "auto"];

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
});
