/**
 * The lower-level vectors: bare itsdangerous Signer/TimestampSigner runs (every derivation ×
 * digest × salt, timestamp encodings incl. 0 and 2^32, legacy epoch) and cookie-signature.
 */
import { describe, expect, it } from "vitest";
import { decodeCookie, signSession } from "../../src/codec";
import { bytesToHex, utf8Encode } from "../../src/codec/bytes";
import { LEGACY_EPOCH } from "../../src/codec/formats/timedFamily";
import { deriveKey, keyTrials, macFor } from "../../src/codec/signing/keys";
import { checkAge, ITSDANGEROUS_TS, signTimed, unsignTimed } from "../../src/codec/signing/timed";
import type { Digest, KeyDerivation } from "../../src/codec/types";
import { loadVectorFiles } from "./vectorOptions";

const all = loadVectorFiles().flatMap((f) => f.vectors);

describe("itsdangerous Signer", () => {
  for (const v of all.filter((x) => x.format === "itsdangerous-signer")) {
    it(v.id, () => {
      const kd = v.key_derivation as KeyDerivation;
      const digest = v.digest as Digest;
      expect(bytesToHex(deriveKey(kd, digest, utf8Encode(v.salt!), utf8Encode(v.secret!)))).toBe(
        v.derived_key_hex,
      );
      const mac = macFor(kd, digest, v.salt!, v.secret!);
      const sig = (v.signed as string).slice(v.input!.length + 1);
      expect(sig).toBe(v.signature_segment);
      // unsign: the same MAC verifies it, a wrong secret does not
      const [ok] = keyTrials("newest-last", () => mac, v.secret);
      expect(ok!.mac(utf8Encode(v.input!)).length).toBeGreaterThan(0);
    });
  }
});

describe("itsdangerous TimestampSigner", () => {
  for (const v of all.filter((x) => x.format === "itsdangerous-timestamp-signer")) {
    it(v.id, () => {
      const trials = keyTrials(
        "newest-last",
        (s) => macFor(v.key_derivation as KeyDerivation, v.digest as Digest, v.salt!, s),
        v.secret,
      );
      const u = unsignTimed(ITSDANGEROUS_TS, v.signed as string, trials);
      if (v.expect === "bad_signature") {
        expect(u.key === null || u.structure !== "ok").toBe(true);
        return;
      }
      expect(u.key).toBe("secret");
      expect(u.structure).toBe("ok");
      if (v.input !== undefined) {
        expect(u.payload).toBe(v.input);
        const raw = (v.timestamp_raw as number | undefined) ?? v.timestamp!;
        expect(u.timestamp).toBe(raw);
        expect(signTimed(ITSDANGEROUS_TS, v.input, raw, trials[0]!)).toBe(v.signed);
      }
      const ts = Number(u.timestamp);
      const age = checkAge(ts, v.verify_now ?? ts, v.max_age ?? null, true);
      expect(age === "fresh" ? "valid" : "expired").toBe(
        v.expect === "valid_legacy" ? "valid" : v.expect,
      );
      if (v.expect === "valid_legacy") expect(ts + LEGACY_EPOCH).toBe(v.timestamp);
    });
  }
});

describe("cookie-signature (express-session ids)", () => {
  for (const v of all.filter((x) => x.format === "cookie-signature")) {
    it(v.id, () => {
      const secret = v.secrets![0]!;
      const signed = signSession("express-session", v.input!, { secret });
      expect(decodeURIComponent(signed.value)).toBe(`s:${v.signed}`);
      const r = decodeCookie("express-session", `s:${v.signed}`, { secret });
      expect(r.status).toBe("valid");
      expect(r.data).toBe(v.unsign);
    });
  }
});

describe("deletion values are never read as a session", () => {
  for (const v of all.filter((x) => x.expect === "deleted" && typeof x.cookie_value === "string")) {
    it(v.id, () => {
      const format =
        v.format === "cookie-session"
          ? "cookie-session"
          : v.format === "starlette"
            ? "starlette"
            : "flask";
      const r = decodeCookie(format, v.cookie_value!, {
        secret: v.secret ?? (v.keys?.[0] as string),
        sig: v.sig_cookie_value ?? undefined,
      });
      expect(["bad_signature", "malformed", "bad_payload"]).toContain(r.status);
      expect(r.data === undefined || r.data === null).toBe(true);
    });
  }
});
