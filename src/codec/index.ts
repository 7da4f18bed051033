/**
 * The codec's public surface. Pure TypeScript: no Node built-ins, no extension APIs, so the
 * panel, the background, a worker and the CLI all bundle this same code.
 */
export * from "./types";
export * from "./value";
export { decodeCookie } from "./decode";
export { signSession } from "./sign";
export { detectFormats } from "./detect";
export { CodecError } from "./errors";
export { FORMAT_INFO, type FormatInfo } from "./formats/info";
export {
  toTypedJson,
  toTypedPlain,
  fromTypedJson,
  fromTypedJsonJs,
  TypedJsonError,
} from "./typed";
