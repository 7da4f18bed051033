/**
 * The codec's public surface. Pure TypeScript: no Node built-ins, no extension APIs, so the
 * panel, the background, a worker and the CLI all bundle this same code.
 */

export { decodeCookie } from "./decode";
export { detectFormats } from "./detect";
export { CodecError } from "./errors";
export {
  type CompareRule,
  FORMAT_INFO,
  type FormatInfo,
  type SigningParams,
  signingOf,
  type ValueType,
} from "./formats/info";
export { pythonUnquote } from "./formats/pythonUnquote";
export { fromPlain, type Plain, type PlainObject, sameValue, toPlain } from "./mapping";
export { signSession } from "./sign";
export type { KeyRecipe } from "./signing/recipe";
export {
  fromTypedJson,
  fromTypedJsonJs,
  TypedJsonError,
  toTypedJson,
  toTypedPlain,
} from "./typed";
export * from "./types";
export * from "./value";
export {
  matchSecrets,
  type PreparedVerification,
  preparedTimestamp,
  prepareVerification,
  verifyCandidate,
} from "./verify";
