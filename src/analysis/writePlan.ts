/**
 * Which cookies a signed session becomes: the selected cookie with its new value, every other
 * attribute as it was, and for cookie-session its `NAME.sig` companion (the one the page has,
 * or a new one beside the cookie) — both written together or not at all.
 */
import type { SignResult } from "../codec/types";
import type { BrowserCookie } from "../model/cookie";
import type { CookieWrite } from "../model/cookieWrite";
import { findCompanionSig } from "./companion";

export function writesForSigned(
  cookie: BrowserCookie,
  signed: SignResult,
  jar: readonly BrowserCookie[],
): CookieWrite[] {
  const writes: CookieWrite[] = [{ current: cookie, next: { ...cookie, value: signed.value } }];
  if (signed.sig !== undefined) {
    const companion = findCompanionSig(cookie, jar) ?? null;
    const base = companion ?? { ...cookie, name: `${cookie.name}.sig` };
    writes.push({ current: companion, next: { ...base, value: signed.sig } });
  }
  return writes;
}
