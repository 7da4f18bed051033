/**
 * Words for agreement results: the status of one side, what it would see, how to name a signer.
 * Shared by the verdict sentence and the per-side rows so both say the same thing.
 */
import { FORMAT_INFO, signingOf } from "../codec/formats/info";
import type { FormatId } from "../codec/types";
import type { Side } from "../model/side";
import type { Outcome, SideJudgement } from "./agreement";
import type { Dialect } from "./pyRepr";
import { reprShort } from "./reprShort";

/** A cell's worth: what a side would see is one line, however big the session is. */
const SEES_MAX = 1000;
const reprValue = (v: Parameters<typeof reprShort>[0], d: Dialect) => reprShort(v, d, SEES_MAX);

export const OUTCOME_LABEL: Record<Outcome, string> = {
  accepts: "accepts",
  "bad-signature": "bad signature",
  expired: "expired",
  "cannot-parse": "cannot parse",
  "no-secret": "no secret (unverified)",
};

/** Node formats print values as JavaScript; the rest as Python. */
export function dialectOf(format: FormatId): Dialect {
  return format === "cookie-session" || format === "express-session" ? "js" : "python";
}

/** What the side's code gets from this cookie, as one line. */
export function seesText(j: SideJudgement): string {
  switch (j.sees.kind) {
    case "data": {
      const data = j.sees.data;
      if (data === undefined) return "the session (not decodable here)";
      if (j.side.format === "express-session") {
        return `session id ${reprValue(data, "js")} (the data is in the server's store)`;
      }
      return reprValue(data, dialectOf(j.side.format));
    }
    case "empty":
      return j.side.format === "express-session" ? "a new, empty session" : "an empty session";
    case "http-500":
      return "HTTP 500: the signature is good but the payload can't be decoded";
    case "unknown": {
      const data = j.result.data;
      if (data === undefined) return "unknown without the secret";
      return `unknown without the secret; the payload reads ${reprValue(data, dialectOf(j.side.format))}`;
    }
  }
}

/** "salt …" (plus derivation and digest when not the usual): what tells signers apart. */
export function signingParameters(side: Side): string {
  const { salt, keyDerivation, digest } = signingOf(side.format, side.options);
  const parts: string[] = [];
  if (FORMAT_INFO[side.format].signing.saltedSigner) {
    parts.push(`salt ${salt}`);
    if (keyDerivation !== "hmac") parts.push(keyDerivation);
  } else {
    parts.push(side.format);
  }
  if (digest !== "sha1") parts.push(digest);
  return parts.join(", ");
}

/** "Flask app (salt cookie-session)", with the fallback key when one was used. */
export function signerName(j: SideJudgement): string {
  const params = [signingParameters(j.side)];
  if (j.key && j.key !== "current secret") params.push(j.key);
  return `${j.side.label} (${params.join(", ")})`;
}
