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

export function shadowedCookies(
  writes: readonly TimelineWrite[],
  sides: readonly Side[],
): Finding[] {
  const live = new Map<string, TimelineWrite>();
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const w of writes) {
    if (w.oversize) continue;
    if (w.deleted) {
      live.delete(w.key);
      continue;
    }
    live.set(w.key, w);
    const same = [...live.values()].filter((o) => o.identity.name === w.identity.name);
    if (same.length < 2) continue;
    const id = same
      .map((o) => o.key)
      .sort()
      .join("\u0001");
    if (reported.has(id)) continue;
    reported.add(id);
    const where = same.map((o) => `Domain=${o.identity.domain} Path=${o.identity.path}`);
    const reads = sides
      .filter((s) => s.cookieName === w.identity.name)
      .map((s) => sentFor(s, same))
      .filter((t): t is string => t !== null);
    const snippets = sides.filter((s) => s.cookieName === w.identity.name).map(ownCookieSnippet);
    findings.push({
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
    });
  }
  return findings;
}
