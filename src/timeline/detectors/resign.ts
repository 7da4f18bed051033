/**
 * `resign-every-response`: a side sends the same session again with only a new timestamp.
 * Starlette before 1.0 re-signs a non-empty session on every response; Flask refreshes a
 * permanent session on every request (`SESSION_REFRESH_EACH_REQUEST`). Harmless alone, it
 * turns every request to that app into a write that can overwrite the other apps' cookie.
 * One finding per cookie and side, with every such write as evidence.
 */

import { type Snippet, withSnippets } from "../../analysis/fixes";
import { toTypedJson } from "../../codec/typed";
import type { Side } from "../../model/side";
import type { TimelineWrite } from "../analyse";
import { cookieText, requestText } from "../describe";
import { type BySeq, effectivePrevious, superseded } from "./rows";
import type { Finding } from "./types";

function fixFor(side: Side, permanent: boolean): { text: string; snippets: Snippet[] } {
  if (side.format === "starlette") {
    return {
      text:
        "Starlette before 1.0 re-signs a non-empty session on every response; 1.0 sends the " +
        "cookie only when the session changed. Upgrade Starlette (FastAPI pulls it in).",
      snippets: [{ label: `${side.label} (requirements.txt)`, code: "starlette>=1.0" }],
    };
  }
  if (side.format === "flask" && permanent) {
    return {
      text:
        "Flask re-sends a permanent session on every request to push its expiry forward. " +
        "Turn that off so only a changed session is written.",
      snippets: [
        {
          label: `${side.label} (Flask config)`,
          code: `app.config["SESSION_REFRESH_EACH_REQUEST"] = False`,
        },
      ],
    };
  }
  return { text: `Have ${side.label} write the session only when it changed.`, snippets: [] };
}

/** Sides whose framework is known to re-send an unchanged session: Starlette < 1.0, Flask's permanent sessions. */
function resigns(w: TimelineWrite): boolean {
  if (w.writer.kind !== "side") return false;
  if (w.writer.side.format === "starlette") return true;
  return (
    w.writer.side.format === "flask" && (w.header?.maxAge != null || w.header?.expires != null)
  );
}

/** The row `w` re-sent unchanged (looking through superseded writes), or null. */
export function resentFrom(w: TimelineWrite, bySeq: BySeq): TimelineWrite | null {
  if (w.deleted || w.oversize || w.byPanel || w.writer.kind !== "side" || w.data === undefined) {
    return null;
  }
  if (superseded(w) || !resigns(w)) return null;
  const prev = effectivePrevious(w, bySeq);
  if (!prev || prev.deleted || prev.data === undefined) return null;
  if (prev.writer.kind !== "side" || prev.writer.side !== w.writer.side) return null;
  if (toTypedJson(prev.data) !== toTypedJson(w.data)) return null;
  return prev;
}

export interface Resend {
  w: TimelineWrite;
  prev: TimelineWrite;
}

export interface ResignGroup {
  id: string;
  side: Side;
  /** The re-sent rows and what each re-sent, in timeline order. */
  rows: TimelineWrite[];
  permanent: boolean;
  /** The first re-sending row: groups are listed in the order their first one came. */
  first: TimelineWrite;
}

/** One group per cookie key and side, from that key's re-sends in timeline order. */
export function resignGroups(resends: readonly Resend[]): ResignGroup[] {
  const groups = new Map<string, ResignGroup>();
  for (const { w, prev } of resends) {
    if (w.writer.kind !== "side") continue;
    const id = `${w.key}\u0000${w.writer.side.id}`;
    let group = groups.get(id);
    if (!group) {
      group = { id, side: w.writer.side, rows: [prev], permanent: false, first: w };
      groups.set(id, group);
    }
    // `prev` is never before the group's last row (that one is stored and not superseded), so
    // it is already in the group exactly when it is that last row.
    if (group.rows[group.rows.length - 1] !== prev) group.rows.push(prev);
    group.rows.push(w);
    group.permanent ||= w.header?.maxAge != null || w.header?.expires != null;
  }
  return [...groups.values()];
}

export function resignFinding({ side, rows, permanent }: ResignGroup): Finding {
  const last = rows[rows.length - 1] as TimelineWrite;
  const { text, snippets } = fixFor(side, permanent);
  const times = rows.length - 1;
  return {
    kind: "resign-every-response",
    evidence: rows.map((r) => r.seq),
    at: last.at,
    detail:
      `${side.label} re-sent ${cookieText(last)} with the same session ` +
      `${times === 1 ? "once" : `${times} times`} (last on ${requestText(last)}): every ` +
      `response from it is a write that can replace another app's cookie.`,
    fix: withSnippets(text, snippets),
    snippets,
  };
}
