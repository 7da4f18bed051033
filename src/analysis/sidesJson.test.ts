import { describe, expect, it } from "vitest";
import { DEMO_SECRET } from "../../demo/sides.mjs";
import { fastapiApp, flaskApp } from "../../test/support/mountedApps";
import type { Side } from "../model/side";
import { exportSides, keepExistingSecrets, parseSidesJson } from "./sidesJson";

let n = 0;
const makeId = () => `new-${++n}`;

describe("exportSides", () => {
  it("leaves secrets and fallbacks out unless asked", () => {
    const withFallback: Side = { ...flaskApp, fallbacks: [{ value: "old-one", encoding: "utf8" }] };
    const plain = exportSides([withFallback], { includeSecrets: false });
    expect(plain).not.toContain(DEMO_SECRET);
    expect(plain).not.toContain("old-one");
    const full = exportSides([withFallback], { includeSecrets: true });
    expect(full).toContain(DEMO_SECRET);
    expect(full).toContain("old-one");
  });

  it("round-trips through parseSidesJson", () => {
    const text = exportSides([flaskApp, fastapiApp], { includeSecrets: true, origin: "http://x" });
    expect(parseSidesJson(text, makeId)).toEqual({
      ok: true,
      sides: [flaskApp, fastapiApp],
      origin: "http://x",
    });
  });
});

describe("parseSidesJson", () => {
  it("rejects text that is not JSON", () => {
    const r = parseSidesJson("{nope", makeId);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^Not valid JSON/);
  });

  it("lists every problem with its place", () => {
    const r = parseSidesJson(
      JSON.stringify({
        sides: [
          { label: "", format: "flsk", cookieName: "a b", pathPrefix: "x" },
          {
            label: "ok",
            format: "flask",
            cookieName: "s",
            secret: { value: "zz", encoding: "hex" },
            options: { maxAge: -1, bogus: 1 },
          },
        ],
      }),
      makeId,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      "sides[0].label: expected a non-empty string",
      'sides[0].format: "flsk" is not one of flask, starlette, django, cookie-session, express-session, itsdangerous',
      "sides[0].cookieName: expected a cookie name (letters, digits, - _ . and no spaces)",
      'sides[0].pathPrefix: expected a path starting with "/"',
      "sides[1].secret: secret is not hex (use an even number of 0-9 a-f digits)",
      "sides[1].options.maxAge: invalid value -1",
      "sides[1].options.bogus: unknown option",
    ]);
  });

  it("calls a missing format missing, not undefined", () => {
    const r = parseSidesJson(JSON.stringify([{ label: "A", cookieName: "session" }]), makeId);
    expect(r.ok ? [] : r.errors).toEqual([
      "sides[0].format is missing: give one of flask, starlette, django, cookie-session, express-session, itsdangerous",
    ]);
  });

  it("accepts a bare array, fills defaults and new ids, and de-duplicates ids", () => {
    const r = parseSidesJson(
      JSON.stringify([
        { id: "a", label: "A", format: "starlette", cookieName: "session", secret: "plain" },
        { id: "a", label: "B", format: "flask", cookieName: "session" },
      ]),
      makeId,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sides[0]).toEqual({
      id: "a",
      label: "A",
      format: "starlette",
      cookieName: "session",
      pathPrefix: "/",
      secret: { value: "plain", encoding: "utf8" },
      fallbacks: [],
      options: {},
    });
    expect(r.sides[1]?.id).not.toBe("a");
  });
});

describe("keepExistingSecrets", () => {
  it("keeps the current secret of a side imported without one", () => {
    const { secret: _s, ...bare } = flaskApp;
    const [merged] = keepExistingSecrets([bare], [flaskApp]);
    expect(merged?.secret).toEqual(flaskApp.secret);
  });
});
