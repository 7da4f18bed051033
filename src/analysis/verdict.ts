/**
 * The one plain sentence at the top of the agreement view: who can read this cookie, who can't
 * and why, and whether the apps will keep overwriting each other. Built only from an Agreement
 * (pure), so every wording is unit-tested.
 */
import type { Agreement, SideJudgement } from "./agreement";
import { signerName } from "./agreementText";
import { formatDuration } from "./duration";
import { sideExpiry } from "./expiry";
import { describeOverwriteRaces, joinNames } from "./overwrite";

export interface VerdictContext {
  /** Unix seconds. */
  now: number;
  /** Set when the cookie is cookie-session's `NAME.sig` companion of cookie `NAME`. */
  companionOf?: string;
}

const labels = (js: readonly Pick<SideJudgement, "side">[]) =>
  joinNames(js.map((j) => j.side.label));
const verb = (js: readonly SideJudgement[], one: string, many: string) =>
  js.length === 1 ? one : many;

function expiredSentence(j: SideJudgement, now: number): string {
  const expiry = sideExpiry(j.side, j.result.timestamp, now);
  if (expiry.kind === "future") {
    return `${j.side.label} rejects this cookie: it was signed ${formatDuration(expiry.ahead)} in the future (check the clocks).`;
  }
  if (expiry.kind === "expired") {
    return `${j.side.label} rejects this cookie as expired: its max_age of ${formatDuration(expiry.maxAge)} ran out ${formatDuration(expiry.ago)} ago.`;
  }
  return `${j.side.label} rejects this cookie as expired.`;
}

function unparsableSentence(j: SideJudgement): string {
  if (j.sees.kind === "http-500") {
    return `${j.side.label} verifies the signature but cannot decode the payload, so it answers HTTP 500.`;
  }
  return `${j.side.label} cannot decode this cookie's payload, so it starts an empty session.`;
}

/** cookie-session can't verify anything without its `NAME.sig` cookie; say that rather than "bad secret". */
function missingSigSentence(a: Agreement, js: readonly SideJudgement[]): string | null {
  if (a.hasSig || js.length === 0) return null;
  return `${labels(js)} cannot read this cookie: the companion \`${a.cookie.name}.sig\` cookie is missing, so ${verb(js, "it starts", "they start")} an empty session.`;
}

function mixedVerdict(a: Agreement, now: number): string[] {
  const by = (o: SideJudgement["outcome"]) => a.judgements.filter((j) => j.outcome === o);
  const accepting = by("accepts");
  const rejected = by("bad-signature");
  const needSig = a.hasSig ? [] : rejected.filter((j) => j.side.format === "cookie-session");
  const badSignature = rejected.filter((j) => !needSig.includes(j));
  const unchecked = by("no-secret");
  const parts: string[] = [];
  if (badSignature.length > 0) {
    const why =
      accepting.length > 0
        ? `it was signed by ${joinNames(accepting.map(signerName))}`
        : "no declared secret verifies its signature";
    parts.push(`${labels(badSignature)} cannot read this cookie: ${why}.`);
  } else if (accepting.length > 0) {
    parts.push(`${labels(accepting)} ${verb(accepting, "accepts", "accept")} this cookie.`);
  }
  const sigSentence = missingSigSentence(a, needSig);
  if (sigSentence) parts.push(sigSentence);
  for (const j of by("expired")) parts.push(expiredSentence(j, now));
  for (const j of by("cannot-parse")) parts.push(unparsableSentence(j));
  if (unchecked.length > 0) {
    const subject = unchecked.length === a.judgements.length ? "This cookie" : "The rest";
    parts.push(`${subject} can't be checked: no secret for ${labels(unchecked)}.`);
  }
  return parts;
}

const COUNT_WORDS = ["no", "one", "two", "three", "four", "five", "six"];

/**
 * When every app on this cookie reads it and other declared apps write cookies of their own
 * names (after a rename, say), the user should know those are separate logins, not one shared
 * session that merely "accepts".
 */
function separateLoginsSentence(a: Agreement): string | null {
  if (a.elsewhere.length === 0) return null;
  const names = [...new Set(a.elsewhere.map((s) => s.cookieName))];
  const sessions = names.length + 1;
  const count = COUNT_WORDS[sessions] ?? String(sessions);
  const whose = a.elsewhere.length === 1 ? "keeps its own cookie" : "keep their own cookies";
  const cookies = names.map((n) => `\`${n}\``).join(", ");
  return (
    `${labels(a.elsewhere.map((side) => ({ side })))} ${whose} (${cookies}), so the logins are ` +
    `separate: ${count} sessions, and signing in to one app does not sign the user in to the other.`
  );
}

export function verdictSentence(a: Agreement, ctx: VerdictContext): string {
  const name = a.cookie.name;
  if (ctx.companionOf !== undefined) {
    return `This is the signature cookie of \`${ctx.companionOf}\` (Node cookie-session); select \`${ctx.companionOf}\` to check both together.`;
  }
  if (a.declaredSides === 0) {
    return `No apps are declared for this site yet. Declare each app that shares the cookie (its format, the cookie name \`${name}\` and its secret) to see which of them can read it.`;
  }
  const all = a.judgements;
  if (all.length === 0) {
    return `No declared side uses the cookie name \`${name}\`. Set a side's cookie name to \`${name}\` to check this cookie.`;
  }
  const parts =
    all.every((j) => j.outcome === "accepts") && all.length > 1
      ? [`All ${all.length} sides accept this cookie: ${labels(all)} read the same session.`]
      : mixedVerdict(a, ctx.now);
  const race = describeOverwriteRaces(a.races, all.length);
  if (race) parts.push(race);
  const separate = all.every((j) => j.outcome === "accepts") ? separateLoginsSentence(a) : null;
  if (separate) parts.push(separate);
  return parts.join(" ");
}
