import { describe, expect, it } from "vitest";
import type { Side } from "../model/side";
import { keyLabel, sideHasSecret, sideToCodecOptions, storedSecretProblem } from "./sideOptions";

const side = (over: Partial<Side> = {}): Side => ({
  id: "s",
  label: "Flask app",
  format: "flask",
  cookieName: "session",
  pathPrefix: "/",
  fallbacks: [],
  options: {},
  ...over,
});

describe("storedSecretProblem", () => {
  it("names the problem of a bad secret", () => {
    expect(storedSecretProblem({ value: "xyz", encoding: "hex" })).toMatch(/not hex/);
    expect(storedSecretProblem({ value: "", encoding: "utf8" })).toBe("empty");
    expect(storedSecretProblem({ value: "xyz", encoding: "utf8" })).toBeNull();
  });
});

describe("sideToCodecOptions", () => {
  it("turns text and hex secrets into a string and bytes, keeping fallbacks in order", () => {
    const opts = sideToCodecOptions(
      side({
        secret: { value: "k", encoding: "utf8" },
        fallbacks: [
          { value: "0102", encoding: "hex" },
          { value: "old", encoding: "utf8" },
        ],
      }),
      { now: 100, sig: "abc" },
    );
    expect(opts.secret).toBe("k");
    expect(opts.fallbacks).toEqual([new Uint8Array([1, 2]), "old"]);
    expect(opts).toMatchObject({ now: 100, sig: "abc", name: "session" });
  });

  it("passes options through, keeping maxAge null (no expiry) and dropping unset ones", () => {
    const opts = sideToCodecOptions(
      side({ options: { salt: "x", maxAge: null, digest: undefined } }),
    );
    expect(opts.maxAge).toBeNull();
    expect(opts.salt).toBe("x");
    expect("digest" in opts).toBe(false);
  });

  it("leaves out a secret that is empty or bad hex", () => {
    const bad = side({ secret: { value: "zz", encoding: "hex" } });
    expect(sideToCodecOptions(bad).secret).toBeUndefined();
    expect(sideHasSecret(bad)).toBe(false);
    expect(sideHasSecret(side({ secret: { value: "", encoding: "utf8" } }))).toBe(false);
  });
});

describe("keyLabel", () => {
  it("numbers fallbacks as the editor does, skipping unusable ones", () => {
    const s = side({
      fallbacks: [
        { value: "", encoding: "utf8" },
        { value: "old", encoding: "utf8" },
      ],
    });
    expect(keyLabel(s, "secret")).toBe("current secret");
    expect(keyLabel(s, "fallback:0")).toBe("fallback 2");
    expect(keyLabel(s, null)).toBeNull();
  });
});
