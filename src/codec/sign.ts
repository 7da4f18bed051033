/** `signSession`: the cookie value (and cookie-session's `.sig`) exactly as the framework writes it. */
import { FORMATS } from "./formats/registry";
import type { CodecOptions, FormatId, SignResult } from "./types";
import type { Value } from "./value";

export function signSession(format: FormatId, data: Value, opts: CodecOptions): SignResult {
  return FORMATS[format].sign(data, opts);
}
