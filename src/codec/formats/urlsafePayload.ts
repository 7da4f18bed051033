/**
 * The payload half of itsdangerous' URL-safe serializer (docs/formats.md §5), shared by Flask,
 * starlette-flask, the bare itsdangerous format and Django: `[.]b64url(json or zlib(json))`,
 * compressed only when that saves at least 2 bytes. Inflation is bounded: a signed zlib bomb
 * must be refused quickly, not expanded. The bytes between the steps are views of reused
 * buffers (each step reads them at once): fresh typed arrays would cost more than the decoding.
 */
import { b64urlDecodePyScratch, b64urlEncode } from "../base64/base64";
import { utf8Decode, utf8EncodeScratch } from "../bytes";
import { LIMITS } from "../types";
import { inflateZlibTransient } from "../zlib/inflate";
import { zlibCompressTransient } from "../zlib/zlib";

export type PayloadText =
  | { ok: true; json: string; compressed: boolean }
  | { ok: false; problem: string; compressed: boolean };

/** Decode `[.]b64url(...)` to JSON text; `latin1` is Django's JSON serializer, else strict UTF-8. */
export function readUrlSafePayload(
  segment: string,
  encoding: "utf8" | "latin1" = "utf8",
): PayloadText {
  const compressed = segment.startsWith(".");
  const raw = b64urlDecodePyScratch(compressed ? segment.slice(1) : segment);
  if (raw === null) return { ok: false, problem: "the payload is not valid base64", compressed };
  let bytes = raw;
  if (compressed) {
    const inflated = inflateZlibTransient(raw, LIMITS.maxInflatedBytes);
    if (!inflated.ok) {
      const problem =
        inflated.error === "too_large"
          ? `the compressed payload inflates past ${LIMITS.maxInflatedBytes} bytes (a zlib bomb?); refused`
          : "the payload is marked compressed ('.') but is not a valid zlib stream";
      return { ok: false, problem, compressed };
    }
    bytes = inflated.bytes;
  }
  const json = encoding === "latin1" ? latin1Decode(bytes) : utf8Decode(bytes);
  if (json === null)
    return { ok: false, problem: "the payload is not valid UTF-8 text", compressed };
  return { ok: true, json, compressed };
}

function latin1Decode(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return s;
}

/** `dump_payload`: compress when `len(zlib) < len(json) - 1`, marking it with a leading `.`. */
export function writeUrlSafePayload(json: string): string {
  const bytes = utf8EncodeScratch(json); // views of reused buffers, encoded to text at once
  // zlib adds 6 bytes of framing and at least 2 of deflate: under 10 bytes it can never win.
  if (bytes.length >= 10) {
    const compressed = zlibCompressTransient(bytes);
    if (compressed.length < bytes.length - 1) return `.${b64urlEncode(compressed)}`;
  }
  return b64urlEncode(bytes);
}
