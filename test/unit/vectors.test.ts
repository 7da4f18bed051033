/**
 * Every golden vector made by the real frameworks: decode status and data, and byte-exact
 * re-signing of every framework-emitted cookie at its own timestamp.
 */
import { describe, expect, it } from "vitest";
import {
  decodeCookie,
  fromTypedJson,
  fromTypedJsonJs,
  signSession,
  toTypedJson,
} from "../../src/codec";
import type { Status } from "../../src/codec/types";
import { FORMAT_OF_VECTOR, loadVectorFiles, optionsFor, type Vector } from "./vectorOptions";

const DECODABLE: Record<string, Status> = {
  valid: "valid",
  valid_legacy: "valid_legacy",
  bad_signature: "bad_signature",
  expired: "expired",
  bad_payload: "bad_payload",
};

/** Framework-emitted (not hand-derived) cookies that the framework wrote with a Set-Cookie. */
function emittedByFramework(v: Vector): boolean {
  return (
    v.derived_from === undefined && typeof v.set_cookie_header === "string" && v.expect === "valid"
  );
}

for (const { file, vectors } of loadVectorFiles()) {
  const decodable = vectors.filter(
    (v) =>
      FORMAT_OF_VECTOR[v.format] &&
      v.expect &&
      DECODABLE[v.expect] &&
      typeof v.cookie_value === "string",
  );
  if (decodable.length === 0) continue;
  describe(file, () => {
    for (const v of decodable) {
      const format = FORMAT_OF_VECTOR[v.format]!;
      const opts = optionsFor(v, format);
      const expected =
        opts.secret === undefined && opts.signed !== false && v.expect === "valid"
          ? "unverified"
          : DECODABLE[v.expect!]!;

      it(`${v.id} decodes as ${expected}`, () => {
        const r = decodeCookie(format, v.cookie_value!, opts);
        expect(r.status, r.detail).toBe(expected);
        expect(r.detail.length).toBeGreaterThan(10);
        if (
          v.expected_decoded !== undefined &&
          (expected === "valid" || expected === "unverified" || expected === "valid_legacy")
        ) {
          expect(JSON.parse(toTypedJson(r.data!))).toEqual(v.expected_decoded);
        }
        if (v.payload_json !== undefined && r.payloadJson !== null)
          expect(r.payloadJson).toBe(v.payload_json);
        if (v.compressed !== undefined && r.compressed !== null)
          expect(r.compressed).toBe(v.compressed);
      });

      if (emittedByFramework(v) && (opts.secret !== undefined || opts.signed === false)) {
        it(`${v.id} re-signs byte-exact`, () => {
          const r = decodeCookie(format, v.cookie_value!, opts);
          const signed = signSession(format, r.data!, {
            ...opts,
            timestamp: r.timestamp ?? undefined,
          });
          expect(signed.value).toBe(v.cookie_value);
          if (format === "cookie-session") expect(signed.sig).toBe(v.sig_cookie_value ?? undefined);
          // and through typed JSON text, as the CLI and the editor hand it over
          // (JSON.parse of the vector file would lose integer-like key order, so use our own text)
          const typed = toTypedJson(r.data!);
          const value = format === "cookie-session" ? fromTypedJsonJs(typed) : fromTypedJson(typed);
          expect(
            signSession(format, value, { ...opts, timestamp: r.timestamp ?? undefined }).value,
          ).toBe(v.cookie_value);
        });
      }
    }
  });
}
