/**
 * The mounted-apps scenario for the analysis tests: the demo's Flask and FastAPI sides
 * (demo/sides.mjs, the one definition) and real cookies signed for them by the codec.
 */
import { DEMO_SECRET, fastapiAppSide, flaskAppSide } from "../../demo/sides.mjs";
import { signSession } from "../../src/codec";
import { dict, pyTuple, type Value } from "../../src/codec/value";
import type { Side } from "../../src/model/side";

export const NOW = 1_767_237_945;

export function makeSide(over: Partial<Side> & Pick<Side, "id" | "label" | "format">): Side {
  return { cookieName: "session", pathPrefix: "/", fallbacks: [], options: {}, ...over };
}

export const flaskApp = flaskAppSide();
export const fastapiApp = fastapiAppSide();

export const sessionData: Value = dict([
  ["cart", pyTuple([1, 2])],
  ["user_id", 42],
]);

export function flaskValue(timestamp = NOW - 60, data: Value = sessionData): string {
  return signSession("flask", data, { secret: DEMO_SECRET, timestamp }).value;
}

export function starletteValue(timestamp = NOW - 60): string {
  return signSession("starlette", dict([["visits", 3]]), { secret: DEMO_SECRET, timestamp }).value;
}
