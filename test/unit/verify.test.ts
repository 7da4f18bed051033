/**
 * The verification primitive against the golden vectors: a prepared cookie says the same as
 * `decodeCookie` about which key signed it, its recipe alone lets node:crypto reproduce the
 * expected MAC (what the audit's own HMAC relies on), and it survives structured cloning.
 */
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decodeCookie,
  matchSecrets,
  type PreparedVerification,
  preparedTimestamp,
  prepareVerification,
  verifyCandidate,
} from "../../src/codec";
import type { Secret } from "../../src/codec/types";
import { FORMAT_OF_VECTOR, loadVectorFiles, optionsFor } from "./vectorOptions";

/** The MAC an outside implementation computes from the recipe alone. */
function macByRecipe(p: PreparedVerification, secret: Secret): Buffer {
  const s = Buffer.from(typeof secret === "string" ? Buffer.from(secret, "utf8") : secret);
  const { kind, digest, salt, prefix } = p.derivation;
  const key =
    kind === "none"
      ? s
      : kind === "hmac"
        ? createHmac(digest, s).update(salt).digest()
        : createHash(digest).update(prefix).update(s).digest();
  return createHmac(p.digest, key).update(p.signedBytes).digest();
}

const cases = loadVectorFiles().flatMap(({ vectors }) =>
  vectors
    .filter((v) => FORMAT_OF_VECTOR[v.format] && typeof v.cookie_value === "string")
    .map((v) => {
      const format = FORMAT_OF_VECTOR[v.format]!;
      return { id: v.id, format, cookie: v.cookie_value!, opts: optionsFor(v, format) };
    })
    .filter((c) => c.opts.secret !== undefined),
);

describe("prepareVerification agrees with decodeCookie on every signed vector", () => {
  it("covers enough vectors to mean something", () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)("$id", ({ format, cookie, opts }) => {
    const r = decodeCookie(format, cookie, opts);
    const p = prepareVerification(format, cookie, opts);
    const matched = matchSecrets(p, opts.secret, opts.fallbacks);
    if (r.key !== null) {
      expect(matched).toBe(r.key);
      const secret = r.key === "secret" ? opts.secret! : opts.fallbacks![Number(r.key.slice(9))]!;
      expect(verifyCandidate(p, secret)).toBe(true);
      expect(Buffer.from(p.expectedMac!).equals(macByRecipe(p, secret))).toBe(true);
    } else if (matched !== null) {
      // The MAC matched, and the framework still refused: a missing or malformed timestamp.
      expect(r.status).toBe("bad_signature");
      expect(r.detail).toMatch(/timestamp/);
    }
    expect(verifyCandidate(p, "not-the-secret")).toBe(false);
    if (p.expectedMac === null) expect(p.problem).toMatch(/\w{4}/);
    else expect(p.problem).toBeNull();
    expect(structuredClone(p)).toEqual(p);
  });
});

describe("what a prepared cookie tells its caller", () => {
  it("a timed cookie carries its timestamp, decoded on demand", () => {
    const valid = cases.filter(
      (c) => c.format === "flask" && decodeCookie(c.format, c.cookie, c.opts).status === "valid",
    );
    expect(valid.length).toBeGreaterThan(5);
    for (const c of valid) {
      const p = prepareVerification(c.format, c.cookie, c.opts);
      expect(p.timestamp?.encoding).toBe("itsdangerous-base64-int");
      expect(preparedTimestamp(p)).toBe(decodeCookie(c.format, c.cookie, c.opts).timestamp);
    }
  });

  it("Django's timestamp is base62", () => {
    const c = cases.find((x) => x.format === "django")!;
    const p = prepareVerification("django", c.cookie, c.opts);
    expect(p.timestamp?.encoding).toBe("django-base62");
    expect(preparedTimestamp(p)).toBeGreaterThan(1_500_000_000);
  });

  it("cookie-session names its companion and cannot be checked without it", () => {
    const c = cases.find((x) => x.format === "cookie-session" && x.opts.sig !== undefined)!;
    const p = prepareVerification("cookie-session", c.cookie, c.opts);
    expect(p.companion).toEqual({ name: `${c.opts.name ?? "session"}.sig`, value: c.opts.sig });
    expect(new TextDecoder().decode(p.signedBytes)).toBe(`${c.opts.name ?? "session"}=${c.cookie}`);
    const bare = prepareVerification("cookie-session", c.cookie, { ...c.opts, sig: undefined });
    expect(bare.expectedMac).toBeNull();
    expect(bare.problem).toMatch(/\.sig/);
    expect(verifyCandidate(bare, c.opts.secret!)).toBe(false);
  });

  it("text-compared signatures that are not canonical can match no key", () => {
    const c = cases.find((x) => x.format === "django" && x.opts.secret !== undefined)!;
    const padded = prepareVerification("django", `${c.cookie}=`, c.opts);
    expect(padded.expectedMac).toBeNull();
    expect(padded.problem).toMatch(/canonical/);
  });

  it("express-session without `s:` is not a signed id", () => {
    const p = prepareVerification("express-session", "abc.def", {});
    expect(p.expectedMac).toBeNull();
    expect(p.problem).toMatch(/s:/);
  });

  it("a signature of the wrong length for the digest is named as such", () => {
    const c = cases.find((x) => x.format === "flask")!;
    const p = prepareVerification("flask", c.cookie, { ...c.opts, digest: "sha256" });
    expect(p.expectedMac).toBeNull();
    expect(p.problem).toMatch(/sha256/);
  });
});
