/**
 * Sides and signed cookies shared by the analysis tests: a Flask app and a FastAPI app mounted on
 * one origin, with real cookies from the codec's signSession.
 */
import { signSession } from "../codec";
import { dict, pyTuple, type Value } from "../codec/value";
import type { Side } from "../model/side";

export const NOW = 1_767_237_945;

export function makeSide(over: Partial<Side> & Pick<Side, "id" | "label" | "format">): Side {
  return { cookieName: "session", pathPrefix: "/", fallbacks: [], options: {}, ...over };
}

export const flaskApp = makeSide({
  id: "flask",
  label: "Flask app",
  format: "flask",
  pathPrefix: "/flask-application",
  secret: { value: "flask-secret", encoding: "utf8" },
});

export const fastapiApp = makeSide({
  id: "fastapi",
  label: "FastAPI app",
  format: "starlette",
  pathPrefix: "/fastapi-application",
  secret: { value: "fastapi-secret", encoding: "utf8" },
});

export const sessionData: Value = dict([
  ["cart", pyTuple([1, 2])],
  ["user_id", 42],
]);

export function flaskValue(timestamp = NOW - 60, data: Value = sessionData): string {
  return signSession("flask", data, { secret: "flask-secret", timestamp }).value;
}

export function starletteValue(timestamp = NOW - 60): string {
  return signSession("starlette", dict([["visits", 3]]), { secret: "fastapi-secret", timestamp })
    .value;
}
