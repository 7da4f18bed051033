/**
 * Everything the details pane shows for the selected cookie: each side's reading, the verdict
 * and the decoding to display. Only the selected cookie is decoded (rows never verify), and
 * the result is memoized on the cookie's value, its companion signature, the sides and the clock.
 */
import { useMemo } from "preact/hooks";
import { type Agreement, checkAgreement } from "../../analysis/agreement";
import { type DisplayDecode, decodeForDisplay } from "../../analysis/displayDecode";
import { verdictSentence } from "../../analysis/verdict";
import { type VerdictFix, verdictFix } from "../../analysis/verdictFix";
import type { Side } from "../../model/side";
import type { CookieRowModel } from "./cookieRows";

export interface CookieAnalysis {
  agreement: Agreement;
  display: DisplayDecode | null;
  verdict: string;
  /** What to do about the verdict, when there is something to do. */
  fix: VerdictFix | null;
  /** Unix seconds the analysis was made for. */
  now: number;
}

export function analyseCookie(
  row: CookieRowModel,
  sides: readonly Side[],
  now: number,
): CookieAnalysis {
  const { name, value, path } = row.cookie;
  const ctx = row.sig === undefined ? { now } : { now, sig: row.sig };
  const agreement = checkAgreement({ name, value, path }, sides, ctx);
  const verdictCtx = row.signs === undefined ? { now } : { now, companionOf: row.signs };
  return {
    agreement,
    display: row.signs === undefined ? decodeForDisplay(agreement, row.formats, row.sig) : null,
    verdict: verdictSentence(agreement, verdictCtx),
    fix: row.signs === undefined ? verdictFix(agreement) : null,
    now,
  };
}

export function useCookieAnalysis(
  row: CookieRowModel,
  sides: readonly Side[],
  now: number,
): CookieAnalysis {
  const { name, value, path } = row.cookie;
  return useMemo(
    () => analyseCookie(row, sides, now),
    [name, value, path, row.sig, row.signs, sides, now],
  );
}
