/**
 * Errors the codec throws (signing only; decoding never throws, it classifies). A message says
 * what is wrong in the codec's own terms; `option` names the CodecOptions field at fault, so a
 * front end (the CLI's flags, the panel's fields) can add how to fix it in its own words.
 */
import type { CodecOptions } from "./types";

export type CodecErrorCode = "no_secret" | "unencodable" | "bad_option";

export class CodecError extends Error {
  readonly code: CodecErrorCode;
  readonly option: keyof CodecOptions | undefined;
  constructor(code: CodecErrorCode, message: string, option?: keyof CodecOptions) {
    super(message);
    this.name = "CodecError";
    this.code = code;
    this.option = option;
  }
}
