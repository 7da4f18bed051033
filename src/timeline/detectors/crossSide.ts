/**
 * `cross-side-overwrite`: side B replaced the cookie side A had written, and A cannot read
 * B's value, so A's session (its keys) is gone on A's next request.
 */

import { separateSnippets, withSnippets } from "../../analysis/fixes";
import type { TimelineWrite } from "../analyse";
import { READS } from "../attribute";
import { cookieText, keysText, requestText, timeText, topKeys } from "../describe";
import { type BySeq, effectivePrevious, superseded } from "./rows";
import type { Finding } from "./types";

/** The finding row `w` makes, if any (it depends on `w` and the jar's value before it). */
export function crossSideOverwrite(w: TimelineWrite, bySeq: BySeq): Finding | null {
  if (w.deleted || w.oversize || w.byPanel || superseded(w) || w.writer.kind !== "side")
    return null;
  const prev = effectivePrevious(w, bySeq);
  if (!prev || prev.deleted || prev.writer.kind !== "side") return null;
  const loser = prev.writer.side;
  const winner = w.writer.side;
  if (loser === winner) return null;
  const reading = w.readers.find((r) => r.side === loser);
  if (!reading || reading.status === "not_sent" || READS.has(reading.status)) return null;
  const keys = topKeys(prev);
  if (keys.length === 0) return null;
  const snippets = separateSnippets([loser, winner]);
  return {
    kind: "cross-side-overwrite",
    evidence: [prev.seq, w.seq],
    at: w.at,
    detail:
      `${winner.label} overwrote ${loser.label}'s session ${cookieText(w)} at ${timeText(w.at)} ` +
      `on ${requestText(w)}; ${loser.label} cannot read ${winner.label}'s cookie ` +
      `(${reading.status.replace(/_/g, " ")}), so ${loser.label}'s keys ${keysText(keys)} are lost.`,
    fix: withSnippets(
      "Give each app its own cookie (a name or a path of its own), or make both sign one format.",
      snippets,
    ),
    snippets,
  };
}
