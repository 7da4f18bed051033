/** Errors the codec throws (signing only; decoding never throws, it classifies). */
export type CodecErrorCode = "no_secret" | "unencodable" | "bad_option";

export class CodecError extends Error {
  readonly code: CodecErrorCode;
  constructor(code: CodecErrorCode, message: string) {
    super(message);
    this.name = "CodecError";
    this.code = code;
  }
}
