/**
 * `decodeCookie`: one entry point for every format and for "auto". Never throws: hostile input
 * (huge values, bombs, deep nesting, garbage) comes back as a classified status with a sentence.
 */
import { detectFormats } from "./detect";
import { pythonUnquote, readAs } from "./formats/pythonUnquote";
import { FORMATS } from "./formats/registry";
import { reportInternalError } from "./internalErrors";
import { result } from "./result";
import { type CodecOptions, type DecodeResult, type FormatId, LIMITS } from "./types";

export function decodeCookie(
  format: FormatId | "auto",
  value: string,
  opts: CodecOptions = {},
): DecodeResult {
  const hasKey = opts.secret !== undefined || (opts.fallbacks?.length ?? 0) > 0;
  if (value.length > LIMITS.maxCookieLength) {
    const detail = `Refused: the value is ${value.length} characters long; browsers keep at most 4096 bytes per cookie and the codec reads at most ${LIMITS.maxCookieLength}.`;
    return result(
      format === "auto" ? "flask" : format,
      hasKey && format !== "auto" ? "bad_signature" : "malformed",
      detail,
    );
  }
  if (format !== "auto") return safely(format, value, opts);
  const candidates = detectFormats(pythonUnquote(value), { name: opts.name, sig: opts.sig });
  if (candidates.length === 0) {
    return result(
      "flask",
      "malformed",
      "This value does not look like any supported session cookie (Flask, Starlette, Django, cookie-session, express-session, itsdangerous).",
    );
  }
  let first: DecodeResult | undefined;
  for (const candidate of candidates) {
    const r = safely(candidate, value, opts);
    first ??= r;
    // With a key, the first format whose signature matched decides; without one, the first readable.
    if (hasKey ? r.key !== null : r.status === "unverified") return r;
  }
  return first!;
}

function safely(format: FormatId, value: string, opts: CodecOptions): DecodeResult {
  try {
    const asRead = readAs(format, value);
    const r = FORMATS[format].decode(asRead, opts);
    if (r.status !== "bad_signature" || r.data !== undefined || opts.readRejected !== true)
      return r;
    // Verified first and rejected; now, asked to, read it as a keyless reading would.
    const { secret: _s, fallbacks: _f, ...keyless } = opts;
    const read = FORMATS[format].decode(asRead, keyless);
    return { ...r, data: read.data, payloadJson: read.payloadJson, compressed: read.compressed };
  } catch (e) {
    // A bug, not an input problem: report it rather than crash the caller, and tell listeners.
    reportInternalError(e, `${format} decoder`);
    const why = e instanceof Error ? e.message : String(e);
    return result(
      format,
      "malformed",
      `Session Lens could not read this value (internal error: ${why}).`,
    );
  }
}
