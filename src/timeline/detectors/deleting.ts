/**
 * `deleting-write`: an empty value, `Max-Age=0` or a past expiry that wipes a session another
 * side could still read. starlette-flask's `session=null` with a 1970 expiry on an empty
 * session is one; a logout in one app that logs the user out of the other is another.
 */

import { ownCookieSnippet, withSnippets } from "../../analysis/fixes";
import type { TimelineWrite } from "../analyse";
import { READS } from "../attribute";
import { cookieText, keysText, requestText, timeText, topKeys, who } from "../describe";
import { type BySeq, effectivePrevious, superseded } from "./rows";
import type { Finding } from "./types";

const NATURAL = new Set(["expired", "evicted"]);

/** The finding row `w` makes, if any (it depends on `w` and the jar's value before it). */
export function deletingWrite(w: TimelineWrite, bySeq: BySeq): Finding | null {
  if (!w.deleted || w.byPanel || superseded(w)) return null;
  if (w.cause !== null && NATURAL.has(w.cause)) return null;
  const prev = effectivePrevious(w, bySeq);
  if (!prev || prev.deleted || topKeys(prev).length === 0) return null;
  const writer = w.writer.kind === "side" ? w.writer.side : null;
  const needing = prev.readers.filter((r) => READS.has(r.status) && r.side !== writer);
  if (needing.length === 0) return null;
  const how =
    w.header?.value === "null"
      ? " (`session=null` with a past expiry: starlette-flask does this for an empty session)"
      : w.header?.maxAge !== null && w.header?.maxAge !== undefined
        ? ` (Max-Age=${w.header.maxAge})`
        : w.header
          ? " (an empty value or a past expiry)"
          : w.cause
            ? ` (cookies API: ${w.cause})`
            : "";
  const names = needing.map((r) => r.side.label).join(" and ");
  const snippets = writer ? [ownCookieSnippet(writer)] : [];
  return {
    kind: "deleting-write",
    evidence: [prev.seq, w.seq],
    at: w.at,
    detail:
      `${who(w)} deleted ${cookieText(w)} at ${timeText(w.at)} on ${requestText(w)}${how}; ` +
      `${names} still read it, so its keys ${keysText(topKeys(prev))} are gone.`,
    fix: withSnippets(
      writer
        ? `Let ${writer.label} delete only a cookie of its own: give it its own cookie name and path.`
        : "Find the code that clears this cookie and limit it to its own app's cookie.",
      snippets,
    ),
    snippets,
  };
}
