/**
 * The detectors over the recorded overwrite scenarios (real Flask 2.2.2/3.1.3 and Starlette
 * 0.26.1/1.3.1 runs): which findings, on which rows, with which words and fix.
 */
import { describe, expect, it } from "vitest";
import { buildTimeline, type Timeline } from "../../../src/timeline";
import { writerLabel } from "../../../src/timeline/attribute";
import { loadScenario, scenarioSeen, scenarioSides } from "./scenarios";

const OLD = "overwrite-flask-2.2.2-starlette-0.26.1.json";
const MODERN = "overwrite-flask-3.1.3-starlette-1.3.1.json";

function timeline(file: string, id: string): Timeline {
  const scenario = loadScenario(file, id);
  return buildTimeline(
    { seen: scenarioSeen(scenario), changes: [], hasChangeFeed: false },
    scenarioSides(scenario),
  );
}

const kinds = (t: Timeline) => t.findings.map((f) => [f.kind, f.evidence]);

describe("side by side (both versions)", () => {
  for (const file of [OLD, MODERN]) {
    it(`${file}: each app's write is a cross-side overwrite naming the lost keys`, () => {
      const t = timeline(file, "side-by-side");
      expect(t.writes.map((w) => writerLabel(w.writer))).toEqual([
        "Flask app",
        "FastAPI app",
        "Flask app",
      ]);
      expect(t.writes[1]?.diff).toEqual({ added: ["visits"], removed: ["user"], changed: [] });
      expect(t.writes[1]?.readers.map((r) => [r.side.label, r.status])).toEqual([
        ["Flask app", "bad_signature"],
        ["FastAPI app", "valid"],
      ]);
      expect(kinds(t)).toEqual([
        ["cross-side-overwrite", [2, 3]],
        ["cross-side-overwrite", [1, 2]],
      ]);
      const first = t.findings[1];
      expect(first?.detail).toContain(
        "FastAPI app overwrote Flask app's session `session` (Path=/)",
      );
      expect(first?.detail).toContain("on GET /api/visit");
      expect(first?.detail).toContain("Flask app's keys `user` are lost");
      expect(first?.fix).toContain('app.config["SESSION_COOKIE_NAME"] = "flask_session"');
      expect(first?.fix).toContain('session_cookie="fastapi_session", path="/api"');
      expect(first?.fix).toContain(
        "from starlette_flask.middleware.sessions import SessionMiddleware",
      );
    });
  }
});

describe("outer SessionMiddleware around mounted Flask", () => {
  it("Starlette 0.26: two Set-Cookie in one response, and a re-sign on every response", () => {
    const t = timeline(OLD, "outer-middleware");
    expect(kinds(t)).toEqual([
      ["resign-every-response", [1, 3, 4, 5, 7]],
      ["double-set-cookie", [6, 7]],
      ["double-set-cookie", [2, 3]],
    ]);
    const [resign, double] = t.findings;
    expect(resign?.detail).toContain(
      "FastAPI app re-sent `session` (Path=/) with the same session",
    );
    expect(resign?.detail).toContain("4 times");
    expect(resign?.fix).toContain("starlette>=1.0");
    expect(double?.detail).toContain("GET /flask/login");
    expect(double?.detail).toContain("the browser kept only the last one, FastAPI app's");
    expect(double?.detail).toContain("Flask app's keys `user` never reached the browser");
    expect(double?.fix).toContain('session_cookie="fastapi_session"');
  });

  it("Starlette 1.3: no re-sign, no second header; Flask's login still overwrites", () => {
    const t = timeline(MODERN, "outer-middleware");
    expect(kinds(t)).toEqual([
      ["cross-side-overwrite", [3, 4]],
      ["cross-side-overwrite", [1, 2]],
    ]);
    expect(t.findings[1]?.detail).toContain("FastAPI app's keys `visits` are lost");
  });
});

describe("starlette-flask shares Flask's format", () => {
  for (const file of [OLD, MODERN]) {
    it(`${file}: no finding; both sides read every write; its session=null is a deletion`, () => {
      const t = timeline(file, "starlette-flask-shared");
      expect(t.findings).toEqual([]);
      expect(t.writes[0]?.deleted).toBe(true);
      expect(writerLabel(t.writes[0]!.writer)).toBe("FastAPI app");
      expect(t.writes[2]?.readers.map((r) => r.status)).toEqual(["valid", "valid"]);
      expect(writerLabel(t.writes[2]!.writer)).toBe("FastAPI app");
      expect(t.writes[2]?.diff.added).toEqual(["visits"]);
    });
  }
});
