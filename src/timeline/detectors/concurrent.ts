/**
 * `concurrent-race`: two requests in flight at once both wrote the cookie. Each was answered
 * from the session as it was when it started, so whichever finished last wins and the other's
 * changes are lost (a stale write). Only reported when the loser's changes are really gone from
 * the winner's value.
 */

import type { Snippet } from "../../analysis/fixes";
import { withSnippets } from "../../analysis/fixes";
import type { TimelineWrite } from "../analyse";
import { cookieText, keysText, requestText, timeText } from "../describe";
import { superseded, valueAt } from "./rows";
import type { Finding } from "./types";

/** When a write's request started (a write no request made: when it was applied). */
export const start = (w: TimelineWrite) => w.request?.startedAt ?? w.at;
const topOf = (path: string) => path.split(/[.[]/)[0] ?? path;

const SNIPPETS: Snippet[] = [
  {
    label: "the page (JavaScript)",
    code: "// send requests that write the session one after the other, not at once\nawait fetch(first);\nawait fetch(second);",
  },
  {
    label: "Flask app (server-side session with Flask-Session)",
    code: 'from flask_session import Session\n\napp.config["SESSION_TYPE"] = "filesystem"\nSession(app)',
  },
];

export interface Race {
  finding: Finding;
  early: TimelineWrite;
}

/**
 * The races `late` lost evidence for: `earlier` is the timeline before it, newest first (rows
 * of other cookies may be left out: only the same key can race).
 */
export function concurrentRaces(late: TimelineWrite, earlier: Iterable<TimelineWrite>): Race[] {
  const races: Race[] = [];
  if (!late.request || late.oversize || late.byPanel || superseded(late)) return races;
  for (const early of earlier) {
    if (early.at <= start(late)) break; // finished before `late` started: no overlap
    if (!early.request || early.key !== late.key || early.oversize || superseded(early)) continue;
    if (early.request === late.request || late.sameResponse.includes(early.seq)) continue;
    const changed = [...new Set([...early.diff.added, ...early.diff.changed].map(topOf))];
    const lost = changed.filter((k) => valueAt(early.data, k) !== valueAt(late.data, k));
    if (lost.length === 0) continue;
    const order =
      start(late) < start(early)
        ? `started before it but finished after it`
        : `started before it finished and finished later`;
    const finding: Finding = {
      kind: "concurrent-race",
      evidence: [early.seq, late.seq],
      at: late.at,
      detail:
        `${requestText(early)} and ${requestText(late)} were in flight at the same time and ` +
        `both wrote ${cookieText(late)}. ${requestText(late)} ${order} (at ${timeText(late.at)}), ` +
        `so its stale session replaced the other's: ${keysText(lost)} from ` +
        `${requestText(early)} ${lost.length === 1 ? "is" : "are"} lost.`,
      fix: withSnippets(
        "A cookie session cannot merge two writers. Do not let two requests that write the " +
          "session run at once, or keep that state on the server.",
        SNIPPETS,
      ),
      snippets: SNIPPETS,
    };
    races.push({ finding, early });
  }
  return races;
}
