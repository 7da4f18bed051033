/**
 * Which formats the panel's audit tries for a cookie. A side's reading names the format; a
 * reading by shape alone is only a guess, and a Flask-shaped value may as well be a bare
 * itsdangerous or a Starlette one, so every format the shape fits is tried, the guess first
 * (as `sessionlens audit` does under auto).
 */
import type { FormatId } from "../codec/types";
import type { DisplayDecode } from "./displayDecode";

export function auditFormats(
  display: DisplayDecode | null,
  detected: readonly FormatId[],
): FormatId[] {
  const first = display?.result.format ?? detected[0];
  if (first === undefined) return [];
  if (display?.via) return [first];
  return [first, ...detected.filter((f) => f !== first)];
}
