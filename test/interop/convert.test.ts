/**
 * `sessionlens convert` (the real built command) between the real frameworks: a cookie the
 * real Flask wrote, converted for Starlette, is loaded by the real Starlette SessionMiddleware
 * with equal data (the tuple as the list Starlette's JSON makes of it), and the other way round.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dict, pyTuple } from "../../src/codec";
import { buildCli, runCli } from "../cli/cli-harness";
import { type PyHelper, startPyHelper } from "./pyClient";
import { canonical, canonicalValue, toWireTyped } from "./typedCompare";

let py: PyHelper;
beforeAll(async () => {
  buildCli();
  py = await startPyHelper();
});
afterAll(async () => {
  await py?.close();
});

const TS = 1_767_237_945;
const FLASK_SECRET = "flask-interop-secret";
const STARLETTE_SECRET = "starlette-interop-secret";

interface Decoded {
  verdict: string;
  data: unknown;
}

describe("convert between the real Flask and Starlette", () => {
  it("Flask → Starlette: the middleware loads the converted cookie with equal data", async () => {
    const session = dict([
      ["user", "alice"],
      ["roles", pyTuple(["reader", "admin"])],
      ["n", 3],
    ]);
    const { cookie } = await py.call<{ cookie: string }>("flask_sign", {
      session: toWireTyped(session),
      secret: FLASK_SECRET,
      timestamp: TS,
    });
    const run = runCli([
      "convert",
      "--from-format",
      "flask",
      "--from-secret",
      FLASK_SECRET,
      "--from-now",
      String(TS),
      "--format",
      "starlette",
      "--secret",
      STARLETTE_SECRET,
      "--timestamp",
      String(TS),
      cookie,
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("warning: roles: tuple written as a list\n");
    const loaded = await py.call<Decoded>("starlette_decode", {
      cookie: run.lines[0],
      secret: STARLETTE_SECRET,
      now: TS,
      dict_form: "pairs",
    });
    expect(loaded.verdict).toBe("valid");
    const expected = dict([
      ["n", 3],
      ["roles", ["reader", "admin"]],
      ["user", "alice"],
    ]);
    expect(canonical(loaded.data)).toEqual(canonicalValue(expected));
  });

  it("Starlette → Flask: Flask opens the converted session with equal data", async () => {
    const session = dict([
      ["visits", 7],
      ["user", "bob"],
    ]);
    const { cookie } = await py.call<{ cookie: string }>("starlette_sign", {
      session: toWireTyped(session),
      secret: STARLETTE_SECRET,
      timestamp: TS,
    });
    const run = runCli([
      "convert",
      "--from-format",
      "starlette",
      "--from-secret",
      STARLETTE_SECRET,
      "--from-now",
      String(TS),
      "--format",
      "flask",
      "--secret",
      FLASK_SECRET,
      "--timestamp",
      String(TS),
      cookie,
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const loaded = await py.call<Decoded>("flask_decode", {
      cookie: run.lines[0],
      secret: FLASK_SECRET,
      now: TS,
      dict_form: "pairs",
    });
    expect(loaded.verdict).toBe("valid");
    expect(canonical(loaded.data, true)).toEqual(canonicalValue(session, true));
  });
});
