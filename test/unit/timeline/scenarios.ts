/**
 * The recorded overwrite scenarios (real Flask + Starlette runs, test/fixtures/vectors/
 * overwrite-*.json) as timeline input: each step a response's Set-Cookie headers, timed by the
 * step's clock, plus the sides that wrote them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SetCookieSeen } from "../../../src/model/change";
import type { Side } from "../../../src/model/side";

interface Step {
  step: number;
  request: string;
  now: number;
  status: number;
  response_set_cookie_headers: string[];
}
interface Scenario {
  id: string;
  secrets: Record<string, string>;
  steps: Step[];
}

export const ORIGIN = "http://127.0.0.1:8000";

export function loadScenario(file: string, idEnd: string): Scenario {
  const url = new URL(`../../fixtures/vectors/${file}`, import.meta.url);
  const doc = JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as { vectors: Scenario[] };
  const found = doc.vectors.find((v) => v.id.endsWith(idEnd));
  if (!found) throw new Error(`no scenario ${idEnd} in ${file}`);
  return found;
}

/** One sighting per step; seq numbers reserve one number per header, as the background does. */
export function scenarioSeen(scenario: Scenario): SetCookieSeen[] {
  let seq = 1;
  return scenario.steps.flatMap((s) => {
    if (s.response_set_cookie_headers.length === 0) return [];
    const [method = "GET", path = "/"] = s.request.split(" ");
    const seen: SetCookieSeen = {
      seq,
      request: {
        url: ORIGIN + path,
        method,
        status: s.status,
        startedAt: s.now * 1000,
        durationMs: 5,
      },
      setCookies: s.response_set_cookie_headers,
    };
    seq += s.response_set_cookie_headers.length;
    return [seen];
  });
}

export function scenarioSides(scenario: Scenario): Side[] {
  const flask: Side = {
    id: "flask",
    label: "Flask app",
    format: "flask",
    cookieName: "session",
    pathPrefix: "/flask",
    secret: { value: scenario.secrets.flask ?? "", encoding: "utf8" },
    fallbacks: [],
    options: {},
  };
  const shared = scenario.secrets["starlette-flask"];
  const api: Side = {
    id: "api",
    label: "FastAPI app",
    format: shared ? "flask" : "starlette",
    cookieName: "session",
    pathPrefix: "/api",
    secret: { value: shared ?? scenario.secrets.starlette ?? "", encoding: "utf8" },
    fallbacks: [],
    options: shared ? { untagged: true, sortKeys: false, ensureAscii: false } : {},
  };
  return [flask, api];
}
