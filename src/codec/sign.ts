/**
 * `signSession`: the cookie value (and cookie-session's `.sig`) exactly as the framework writes
 * it, or a CodecError (the only thing it throws) when the framework would not write it.
 */
import { FORMATS } from "./formats/registry";
import { checkSignable } from "./signable";
import type { CodecOptions, FormatId, SignResult } from "./types";
import type { Value } from "./value";

export function signSession(format: FormatId, data: Value, opts: CodecOptions): SignResult {
  checkSignable(data);
  return FORMATS[format].sign(data, opts);
}
