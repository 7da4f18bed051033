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
import type { FormatId } from "../../codec/types";
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

/** What the analysis reads of a row: the memo below is keyed on exactly these. */
interface AnalysisInput {
  name: string;
  value: string;
  path: string;
  sig: string | undefined;
  signs: string | undefined;
  formats: readonly FormatId[];
}

export function analyseCookie(
  { name, value, path, sig, signs, formats }: AnalysisInput,
  sides: readonly Side[],
  now: number,
): CookieAnalysis {
  const ctx = sig === undefined ? { now } : { now, sig };
  const agreement = checkAgreement({ name, value, path }, sides, ctx);
  const verdictCtx = signs === undefined ? { now } : { now, companionOf: signs };
  return {
    agreement,
    display: signs === undefined ? decodeForDisplay(agreement, formats, sig) : null,
    verdict: verdictSentence(agreement, verdictCtx),
    fix: signs === undefined ? verdictFix(agreement) : null,
    now,
  };
}

export function useCookieAnalysis(
  row: CookieRowModel,
  sides: readonly Side[],
  now: number,
): CookieAnalysis {
  // The row object is new on every listing; its parts are not (formats are cached per value).
  const { name, value, path } = row.cookie;
  const { sig, signs, formats } = row;
  return useMemo(
    () => analyseCookie({ name, value, path, sig, signs, formats }, sides, now),
    [name, value, path, sig, signs, formats, sides, now],
  );
}
