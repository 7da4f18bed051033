/**
 * `shadowed`: the jar holds the same cookie name on two paths or domains at once. Requests
 * covered by both send both (the longer path first, RFC 6265 §5.4), and frameworks disagree on
 * which they read: werkzeug (Flask) and the `cookie` npm package take the first, Starlette and
 * Django the last.
 */

import { ownCookieSnippet, withSnippets } from "../../analysis/fixes";
import { pathCovers } from "../../analysis/overwrite";
import type { FormatId } from "../../codec/types";
import type { Side } from "../../model/side";
import type { TimelineWrite } from "../analyse";
import { requestText } from "../describe";
import type { Finding } from "./types";

const READS_LAST: ReadonlySet<FormatId> = new Set(["starlette", "django"]);

function sentFor(side: Side, rows: readonly TimelineWrite[]): string | null {
  const prefix = side.pathPrefix || "/";
  const sent = rows
    .filter((r) => pathCovers(r.identity.path, prefix))
    .sort((a, b) => b.identity.path.length - a.identity.path.length);
  if (sent.length < 2) return null;
  const read = READS_LAST.has(side.format) ? sent[sent.length - 1] : sent[0];
  return `requests to ${prefix} send ${sent.map((r) => `Path=${r.identity.path}`).join(" then ")}, and ${side.label} reads Path=${read?.identity.path} (${READS_LAST.has(side.format) ? "the last" : "the first"})`;
}

/**
 * The detector for one cookie name, fed that name's rows in timeline order. It keeps which of
 * the name's cookies the jar holds (in the order they were stored) and which sets of them it
 * already reported: each set is reported once, when it first appears.
 */
export class ShadowScan {
  private readonly live = new Map<string, TimelineWrite>();
  private readonly reported = new Set<string>();
  /** The set of keys held changed since it was last looked at (only then can it be news). */
  private fresh = false;

  constructor(private readonly sides: readonly Side[]) {}

  push(w: TimelineWrite): Finding | null {
    if (w.oversize) return null;
    if (w.deleted) {
      if (this.live.delete(w.key)) this.fresh = true;
      return null;
    }
    if (!this.live.has(w.key)) this.fresh = true;
    this.live.set(w.key, w);
    if (!this.fresh) return null;
    this.fresh = false;
    const same = [...this.live.values()];
    if (same.length < 2) return null;
    const id = same
      .map((o) => o.key)
      .sort()
      .join("\u0001");
    if (this.reported.has(id)) return null;
    this.reported.add(id);
    const where = same.map((o) => `Domain=${o.identity.domain} Path=${o.identity.path}`);
    const sharing = this.sides.filter((s) => s.cookieName === w.identity.name);
    const reads = sharing.map((s) => sentFor(s, same)).filter((t): t is string => t !== null);
    const snippets = sharing.map(ownCookieSnippet);
    return {
      kind: "shadowed",
      evidence: same.map((o) => o.seq).sort((a, b) => a - b),
      at: w.at,
      detail:
        `\`${w.identity.name}\` now exists ${same.length} times (${where.join("; ")}) after ` +
        `${requestText(w)}. ${reads.length > 0 ? `${reads.join("; ")}.` : "A request covered by both sends both, the longer path first."}`,
      fix: withSnippets(
        "Delete the stale copy (a Set-Cookie with its exact Path and Domain and Max-Age=0) and give each app a cookie name of its own.",
        snippets,
      ),
      snippets,
    };
  }
}
