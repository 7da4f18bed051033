/**
 * A HAR file (as Chrome or Firefox export it, Set-Cookie headers included) as timeline input:
 * one Set-Cookie sighting per entry that set cookies, numbered the way the background numbers
 * them (one number per header), in the order the browser listed the requests. A file that is
 * not a HAR gets one sentence saying what is wrong and where; a HAR whose responses carry no
 * Set-Cookie at all is most often a sanitized export, and the notice says how to get a full one.
 */
import type { SetCookieSeen } from "../model/change";
import { type HarEntryLike, setCookieSeen } from "../model/harEntry";

export type HarRead =
  | { ok: true; seen: SetCookieSeen[]; entries: number; notice: string | null }
  | { ok: false; error: string };

/**
 * The largest HAR read, in bytes: far past any real one (response bodies make them large), and
 * under what a JS engine can hold as one string (Node refuses past ~512 MB with no cause given).
 */
export const MAX_HAR_BYTES = 512 * 1024 * 1024;

/** Why a HAR of `bytes` is not read, or null. */
export function harTooLarge(name: string, bytes: number): string | null {
  if (bytes <= MAX_HAR_BYTES) return null;
  return `${name} is ${Math.round(bytes / 2 ** 20)} MB, larger than the ${MAX_HAR_BYTES / 2 ** 20} MB Session Lens reads: export a HAR of fewer requests`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

/** HAR `response.cookies` back as Set-Cookie text, for exports that list cookies but not headers. */
function cookieHeader(c: HarCookie): string {
  const parts = [`${c.name}=${c.value}`];
  if (c.path) parts.push(`Path=${c.path}`);
  if (c.domain) parts.push(`Domain=${c.domain}`);
  if (c.expires) parts.push(`Expires=${new Date(c.expires).toUTCString()}`);
  if (c.httpOnly) parts.push("HttpOnly");
  if (c.secure) parts.push("Secure");
  return parts.join("; ");
}

function entryProblem(e: unknown, at: string): string | null {
  if (!isObj(e)) return `${at} is not an object`;
  const { request, response } = e;
  if (!isObj(request) || typeof request.url !== "string" || typeof request.method !== "string") {
    return `${at}.request needs a url and a method`;
  }
  if (!isObj(response) || typeof response.status !== "number")
    return `${at}.response needs a status`;
  if (!Array.isArray(response.headers)) return `${at}.response.headers is not a list`;
  const bad = response.headers.findIndex(
    (h) => !isObj(h) || typeof h.name !== "string" || typeof h.value !== "string",
  );
  if (bad !== -1) return `${at}.response.headers[${bad}] needs a name and a value`;
  return null;
}

function asEntry(e: Obj): HarEntryLike {
  const entry = e as unknown as HarEntryLike & { response: { cookies?: unknown } };
  const headers = entry.response.headers;
  const hasSetCookie = headers.some((h) => h.name.toLowerCase() === "set-cookie");
  const cookies = Array.isArray(entry.response.cookies) ? entry.response.cookies : [];
  if (hasSetCookie || cookies.length === 0) return entry;
  const listed = cookies
    .filter(
      (c): c is HarCookie => isObj(c) && typeof c.name === "string" && typeof c.value === "string",
    )
    .map((c) => ({ name: "Set-Cookie", value: cookieHeader(c) }));
  return { ...entry, response: { ...entry.response, headers: [...headers, ...listed] } };
}

export function readHar(text: string): HarRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `not a HAR file: the text is not JSON (${(error as Error).message})`,
    };
  }
  const log = isObj(doc) ? doc.log : undefined;
  if (!isObj(log) || !Array.isArray(log.entries)) {
    return {
      ok: false,
      error:
        'not a HAR file: no "log.entries" list (export it from the Network panel: "Save all as HAR")',
    };
  }
  const seen: SetCookieSeen[] = [];
  let seq = 1;
  let lastStart = 0;
  for (const [i, raw] of log.entries.entries()) {
    const problem = entryProblem(raw, `log.entries[${i}]`);
    if (problem) return { ok: false, error: `not a HAR file: ${problem}` };
    const found = setCookieSeen(asEntry(raw as Obj), lastStart);
    const start = Date.parse(String((raw as Obj).startedDateTime));
    if (Number.isFinite(start)) lastStart = start;
    if (!found) continue;
    seen.push({ ...found, seq });
    seq += found.setCookies.length;
  }
  const notice =
    log.entries.length > 0 && seen.length === 0
      ? "no response in this HAR sets a cookie. Chrome leaves Set-Cookie out of a sanitized export: use “Export HAR (with sensitive data)”."
      : null;
  return { ok: true, seen, entries: log.entries.length, notice };
}
