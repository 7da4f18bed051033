/**
 * Does every app that shares a cookie read it the same way? For one cookie and the sides whose
 * cookie name matches, decode it as each side would and say what that side ends up with: the
 * data, an empty session (Flask, Starlette, Node start empty on a bad signature:
 * docs/formats.md §8, §11, §14), or an HTTP 500 (Flask and Starlette raise on a signed payload
 * they can't decode). Pure, so it is unit-tested without a browser and reusable by a timeline.
 */
import { decodeCookie } from "../codec";
import type { DecodeResult, FormatId } from "../codec/types";
import type { Value } from "../codec/value";
import type { Side } from "../model/side";
import { findOverwriteRaces, type OverwriteRace, type Reading } from "./overwrite";
import { keyLabel, sideHasSecret, sideToCodecOptions } from "./sideOptions";

export type Outcome = "accepts" | "bad-signature" | "expired" | "cannot-parse" | "no-secret";

/** What the side's request handler gets when this cookie arrives. */
export type SideView =
  | { kind: "data"; data: Value | undefined }
  | { kind: "empty" }
  | { kind: "http-500" }
  | { kind: "unknown" };

export interface SideJudgement {
  side: Side;
  result: DecodeResult;
  outcome: Outcome;
  sees: SideView;
  /** "current secret", "fallback N" or null. */
  key: string | null;
}

export interface CookieUnderTest {
  name: string;
  value: string;
  path: string;
}

export interface AgreementContext {
  /** Unix seconds. */
  now: number;
  /** cookie-session companion `NAME.sig` value, when the page has one. */
  sig?: string;
}

export interface Agreement {
  cookie: CookieUnderTest;
  /** Whether the page had the cookie-session `NAME.sig` companion for it. */
  hasSig: boolean;
  /** How many sides the site declares in all (0 means nothing was declared). */
  declaredSides: number;
  judgements: SideJudgement[];
  /** The declared sides with another cookie name: apps whose sessions are kept apart from this one. */
  elsewhere: Side[];
  races: OverwriteRace[];
}

function outcomeOf(result: DecodeResult, hasSecret: boolean): Outcome {
  if (!hasSecret) return "no-secret";
  switch (result.status) {
    case "valid":
    case "valid_legacy":
      return "accepts";
    case "bad_signature":
      return "bad-signature";
    case "expired":
      return "expired";
    case "bad_payload":
    case "malformed":
      return "cannot-parse";
    case "unverified":
      return "no-secret";
  }
}

/** Frameworks that let a payload error escape to the request (HTTP 500) instead of starting empty. */
const RAISES_ON_BAD_PAYLOAD: ReadonlySet<FormatId> = new Set([
  "flask",
  "starlette",
  "itsdangerous",
]);

function viewOf(outcome: Outcome, side: Side, result: DecodeResult): SideView {
  switch (outcome) {
    case "accepts":
      return { kind: "data", data: result.data };
    case "no-secret":
      return { kind: "unknown" };
    case "cannot-parse":
      return RAISES_ON_BAD_PAYLOAD.has(side.format) ? { kind: "http-500" } : { kind: "empty" };
    default:
      return { kind: "empty" };
  }
}

/** Decode the cookie as one side would. */
export function judgeSide(
  side: Side,
  cookie: CookieUnderTest,
  ctx: AgreementContext,
): SideJudgement {
  const opts = sideToCodecOptions(side, { now: ctx.now, sig: ctx.sig });
  // The panel shows what a rejected cookie says (the verdict stays bad_signature).
  const result = decodeCookie(side.format, cookie.value, { ...opts, readRejected: true });
  const outcome = outcomeOf(result, sideHasSecret(side));
  return {
    side,
    result,
    outcome,
    sees: viewOf(outcome, side, result),
    key: keyLabel(side, result.key),
  };
}

/** For overwrite races: expired still means "signed by a key this side trusts". */
function readingOf(j: SideJudgement): Reading {
  if (j.outcome === "no-secret") return "unknown";
  return j.outcome === "accepts" || j.outcome === "expired" ? "reads" : "rejects";
}

/** Judge a cookie against every side whose cookie name matches it. */
export function checkAgreement(
  cookie: CookieUnderTest,
  sides: readonly Side[],
  ctx: AgreementContext,
): Agreement {
  const judgements = sides
    .filter((s) => s.cookieName === cookie.name)
    .map((s) => judgeSide(s, cookie, ctx));
  const bySide = new Map(judgements.map((j) => [j.side, j]));
  const races = findOverwriteRaces(
    cookie,
    judgements.map((j) => j.side),
    (s) => {
      const j = bySide.get(s);
      return j ? readingOf(j) : "unknown";
    },
  );
  const elsewhere = sides.filter((s) => s.cookieName !== cookie.name);
  return {
    cookie,
    hasSig: ctx.sig !== undefined,
    declaredSides: sides.length,
    judgements,
    elsewhere,
    races,
  };
}
