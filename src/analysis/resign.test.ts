import { describe, expect, it } from "vitest";
import { fastapiApp, flaskApp, flaskValue, NOW, sessionData } from "../../test/support/mountedApps";
import { decodeCookie } from "../codec";
import { dict } from "../codec/value";
import { resignsIdentical, signFor, timestampFor } from "./resign";
import { sideToCodecOptions } from "./sideOptions";

const decodedFlask = (value: string) =>
  decodeCookie("flask", value, sideToCodecOptions(flaskApp, { now: NOW }));

describe("signFor", () => {
  it("keeps, replaces or chooses the timestamp", () => {
    const base = { original: NOW - 60, now: NOW, custom: 1000 };
    expect(timestampFor({ ...base, mode: "keep" })).toBe(NOW - 60);
    expect(timestampFor({ ...base, mode: "now" })).toBe(NOW);
    expect(timestampFor({ ...base, mode: "custom" })).toBe(1000);
    expect(timestampFor({ ...base, mode: "keep", original: null })).toBe(NOW);
  });

  it("signs for Flask byte-identically to the framework and converts for Starlette with warnings", () => {
    const flask = signFor({
      side: flaskApp,
      data: sessionData,
      mode: "keep",
      original: NOW - 60,
      now: NOW,
    });
    expect(flask.ok && flask.signed.value).toBe(flaskValue());
    const starlette = signFor({
      side: fastapiApp,
      data: sessionData,
      mode: "now",
      original: null,
      now: NOW,
    });
    expect(starlette.ok && starlette.warnings).toEqual([
      { path: "cart", message: "tuple written as a list" },
    ]);
    const read = decodeCookie(
      "starlette",
      starlette.ok ? starlette.signed.value : "",
      sideToCodecOptions(fastapiApp, { now: NOW }),
    );
    expect(read.status).toBe("valid");
    expect(read.data).toEqual(
      dict([
        ["cart", [1, 2]],
        ["user_id", 42],
      ]),
    );
  });

  it("says why it cannot sign without a secret", () => {
    const signed = signFor({
      side: { ...flaskApp, secret: undefined },
      data: sessionData,
      mode: "now",
      original: null,
      now: NOW,
    });
    expect(signed).toEqual({ ok: false, reason: expect.stringMatching(/needs the app's secret/) });
  });
});

describe("resignsIdentical", () => {
  it("passes for the side that wrote the cookie with the right settings", () => {
    const value = flaskValue();
    expect(resignsIdentical(flaskApp, decodedFlask(value), { value }, NOW)).toEqual({
      kind: "identical",
    });
  });
  it("fails when the side's settings would write something else", () => {
    const value = flaskValue();
    const otherDigest = { ...flaskApp, options: { digest: "sha256" as const } };
    expect(resignsIdentical(otherDigest, decodedFlask(value), { value }, NOW).kind).toBe("differs");
    const unverified = decodeCookie("flask", value, { now: NOW });
    expect(resignsIdentical(flaskApp, unverified, { value }, NOW).kind).toBe("unavailable");
  });
});
