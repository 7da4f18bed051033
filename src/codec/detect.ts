/**
 * Guess a cookie's format from its shape alone (docs/formats.md §17), no secret needed. Returns
 * plausible formats, best first; an empty list means nothing matches.
 */
import { b64DecodePy, b64urlDecodePy } from "./base64/base64";
import type { FormatId } from "./types";

const ITSDANGEROUS_SHAPE = /^\.?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{0,7}\.[A-Za-z0-9_-]{27,86}=*$/;
const STARLETTE_SHAPE = /^[A-Za-z0-9+/]+={0,2}\.[A-Za-z0-9_-]{0,7}\.[A-Za-z0-9_-]{27,86}=*$/;
const DJANGO_SHAPE = /^\.?[A-Za-z0-9_-]+:[0-9A-Za-z]{1,12}:[A-Za-z0-9_-]{27,86}$/;
const BASE64_JSON = /^"?eyJ[A-Za-z0-9+/_-]*={0,2}"?$/;
const EXPRESS_SHAPE = /^"?s(:|%3A)/i;

export function detectFormats(
  value: string,
  ctx: { name?: string; sig?: string } = {},
): FormatId[] {
  const v = value.trim();
  if (v === "" || v.length > 64 * 1024) return [];
  if (EXPRESS_SHAPE.test(v)) return ["express-session"];
  if (DJANGO_SHAPE.test(v)) return ["django"];
  if (v === "null") return ["starlette"]; // Starlette's deletion value
  const found: FormatId[] = [];
  if (ITSDANGEROUS_SHAPE.test(v) || STARLETTE_SHAPE.test(v)) {
    const payload = v.slice(0, v.indexOf(".", 1));
    if (/[+/=]/.test(payload) || looksLikePythonDefaultJson(payload))
      found.push("starlette", "flask");
    else found.push("flask", "itsdangerous", "starlette");
  }
  if (!v.includes(".") && (BASE64_JSON.test(v) || ctx.sig !== undefined)) {
    found.unshift("cookie-session");
  }
  return found;
}

/** Starlette's json.dumps writes `": "` and `", "`; Flask's compact JSON never does. */
function looksLikePythonDefaultJson(segment: string): boolean {
  if (segment.startsWith(".")) return false;
  const bytes = b64DecodePy(segment) ?? b64urlDecodePy(segment);
  if (bytes === null) return false;
  let text = "";
  for (let i = 0; i < Math.min(bytes.length, 256); i++) text += String.fromCharCode(bytes[i]!);
  return text.includes('": ') || text.includes('", ');
}
