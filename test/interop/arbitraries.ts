/**
 * fast-check arbitraries for random sessions, one per dialect, aimed at the places where a
 * re-implementation drifts from the framework: key order and escaping (astral, control and
 * integer-like keys), Python number text (-0.0, 1e-07, 1e+16, NaN, big ints), Flask's tags
 * (incl. keys that look like tags, which Flask wraps in `" di"`), and zlib's compress-or-not.
 */
import fc from "fast-check";
import {
  type Dict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../../src/codec";

const TAG_KEYS = [" t", " di", " b", " m", " u", " d"];
const TRICKY_KEYS = [
  "",
  " ",
  "10",
  "2",
  "0",
  "-1",
  "B",
  "Z",
  "_x",
  "a",
  "é",
  "\uffff",
  "😀",
  "$type",
];

/** Any code point but lone surrogates, plus C0 controls and DEL often. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
);
/** Repetitive text so some payloads cross the zlib "saves at least 2 bytes" line. */
const compressible = fc
  .tuple(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 4 }), fc.nat({ max: 60 }))
  .map(([s, n]) => s.repeat(n));
const key = fc.oneof(
  text,
  fc.constantFrom(...TAG_KEYS, ...TRICKY_KEYS),
  fc.integer({ min: -5, max: 300 }).map(String),
);
const safeInt = fc.maxSafeInteger().map((n) => n + 0); // + 0 turns -0 into 0
const bigInt = fc
  .bigInt({ min: 2n ** 53n, max: 2n ** 80n })
  .chain((n) => fc.constantFrom(n, -n))
  .map(pyBigInt);
const float = fc
  .oneof(
    fc.double(),
    fc.constantFrom(-0, 0, 1, 0.1, 1e-7, 1e16, 1.5e300, 5e-324, Number.NaN, Infinity, -Infinity),
  )
  .map(pyFloat);
const SECONDS_1000 = Date.UTC(1000, 0, 1) / 1000;
const SECONDS_9999 = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;
const datetime = fc.integer({ min: SECONDS_1000, max: SECONDS_9999 }).map((s) => pyDateTime(s));

function dictOf(
  value: fc.Arbitrary<Value>,
  keys: fc.Arbitrary<string>,
  minKeys: number,
  maxKeys: number,
) {
  return fc
    .uniqueArray(fc.tuple(keys, value), {
      minLength: minKeys,
      maxLength: maxKeys,
      selector: ([k]) => k,
    })
    .map((entries): Dict => new Map(entries));
}

/** Flask: every tag, nested containers, tag-looking keys. */
export function flaskSession(): fc.Arbitrary<Dict> {
  const { value } = fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom<Value>(null, true, false),
      safeInt,
      bigInt,
      float,
      text,
      compressible,
      fc.uint8Array({ maxLength: 24 }).map(pyBytes),
      fc.uuid().map((u) => pyUuid(u.replaceAll("-", ""))),
      datetime,
      text.map(pyMarkup),
      fc.array(tie("value"), { maxLength: 4 }).map(pyTuple),
      fc.array(tie("value"), { maxLength: 4 }),
      dictOf(tie("value"), key, 0, 4),
    ),
  }));
  return dictOf(value, key, 1, 6);
}

/** Starlette: what Python's json module reads and writes (floats and big ints included). */
export function starletteSession(): fc.Arbitrary<Dict> {
  const { value } = fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom<Value>(null, true, false),
      safeInt,
      bigInt,
      float,
      text,
      fc.array(tie("value"), { maxLength: 4 }),
      dictOf(tie("value"), key, 0, 4),
    ),
  }));
  return dictOf(value, key, 1, 6);
}

/** Keys cookie-session drops (docs/formats.md §14) or that JS treats specially. */
const COOKIE_SESSION_DROPS = new Set(["isNew", "isChanged", "isPopulated", "_ctx", "__proto__"]);
const jsKey = key.filter((k) => !COOKIE_SESSION_DROPS.has(k) && !(k in {}));

/** Integer-like keys come first in a JS object, ascending; others keep insertion order. */
const isArrayIndex = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
export function inJsOrder(d: Dict): Dict {
  const entries = [...d];
  const indices = entries
    .filter(([k]) => isArrayIndex(k))
    .sort(([a], [b]) => Number(a) - Number(b));
  return new Map([...indices, ...entries.filter(([k]) => !isArrayIndex(k))]);
}

/** cookie-session: JSON-safe JS values (finite numbers, no -0), dicts in JS key order. */
export function cookieSessionData(): fc.Arbitrary<Dict> {
  const { value } = fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom<Value>(null, true, false),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
      safeInt,
      text,
      fc.array(tie("value"), { maxLength: 4 }),
      dictOf(tie("value"), jsKey, 0, 4).map(inJsOrder),
    ),
  }));
  return dictOf(value, jsKey, 1, 6).map(inJsOrder);
}

/** A Dict → JS object (JS key order), for comparing with what Node middleware holds. */
export function toJsObject(v: Value): unknown {
  if (Array.isArray(v)) return v.map(toJsObject);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toJsObject(x)]));
  return v;
}

/** Secrets: ASCII and unicode text. */
export const secretText = fc.oneof(
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
);

/** Unix timestamps a framework would embed: 2011 … 2109 (4-byte and, past 2106, 5-byte itsdangerous timestamps). */
export const timestamp = fc.integer({ min: 1_300_000_000, max: 4_400_000_000 });
