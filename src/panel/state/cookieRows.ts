/**
 * What each cookie row shows, computed only from what the row needs: size and the detected
 * format (a regex-level check, no crypto). Detection is memoized by name + value + companion
 * signature, so re-listing 50 unchanged cookies after a change event costs nothing.
 */

import { findCompanionSig, findSignedBy } from "../../analysis/companion";
import { cookieBytes, type SizeLevel, sizeLevel } from "../../analysis/cookieSize";
import { detectFormats } from "../../codec";
import type { FormatId } from "../../codec/types";
import { type BrowserCookie, cookieKey } from "../../model/cookie";

export interface CookieRowModel {
  key: string;
  cookie: BrowserCookie;
  bytes: number;
  level: SizeLevel;
  formats: FormatId[];
  /** Value of the companion `NAME.sig` cookie (cookie-session), when present. */
  sig?: string;
  /** When this is a `NAME.sig` cookie: the name of the cookie it signs. */
  signs?: string;
}

/** A `.sig` row's formats: one array, so the selected row's memoized analysis holds across listings. */
const NO_FORMATS: FormatId[] = [];

const DETECT_CACHE_LIMIT = 500;
const detectCache = new Map<string, FormatId[]>();

function detectCached(name: string, value: string, sig: string | undefined): FormatId[] {
  const cacheKey = `${name}\u0000${sig ?? ""}\u0000${value}`;
  let formats = detectCache.get(cacheKey);
  if (!formats) {
    formats = detectFormats(value, sig === undefined ? { name } : { name, sig });
    if (detectCache.size >= DETECT_CACHE_LIMIT) detectCache.clear();
    detectCache.set(cacheKey, formats);
  }
  return formats;
}

export function buildRows(cookies: readonly BrowserCookie[]): CookieRowModel[] {
  return cookies.map((cookie) => {
    const bytes = cookieBytes(cookie.name, cookie.value);
    const signed = findSignedBy(cookie, cookies);
    const base = { key: cookieKey(cookie), cookie, bytes, level: sizeLevel(bytes) };
    if (signed) return { ...base, formats: NO_FORMATS, signs: signed.name };
    const sig = findCompanionSig(cookie, cookies)?.value;
    const formats = detectCached(cookie.name, cookie.value, sig);
    return sig === undefined ? { ...base, formats } : { ...base, formats, sig };
  });
}
