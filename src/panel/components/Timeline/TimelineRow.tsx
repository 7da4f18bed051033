/**
 * One recorded write (`timeline-row`): when, which request (method, path, status, start→end),
 * who wrote it, what changed in the session, and which sides can still read the cookie.
 */

import type { TimelineWrite } from "../../../timeline";
import { READS, writerLabel } from "../../../timeline/attribute";
import { SessionDiffView } from "./SessionDiffView";
import styles from "./Timeline.module.css";

export const ROW_HEIGHT = 44;

const clock = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};

function pathOf(w: TimelineWrite): string {
  if (!w.request) return "";
  try {
    const url = new URL(w.request.url);
    return url.pathname + url.search;
  } catch {
    return w.request.url;
  }
}

function writerText(w: TimelineWrite): string {
  if (w.byPanel)
    return `${writerLabel(w.writer) === "unknown" ? "" : `${writerLabel(w.writer)} · `}Session Lens (editor)`;
  if (w.writer.kind === "side") return w.writer.side.label;
  return `unknown writer${w.writer.format ? ` (${w.writer.format} format)` : ""}`;
}

function requestText(w: TimelineWrite): string {
  if (!w.request)
    return w.cause
      ? `cookies API: ${w.cause}`
      : "no visible request (script, or before DevTools opened)";
  const r = w.request;
  return `${r.method} ${pathOf(w)} → ${r.status} · ${clock(r.startedAt)}→${clock(r.startedAt + r.durationMs)}`;
}

interface Props {
  write: TimelineWrite;
  top: number;
  highlighted: boolean;
}

export function TimelineRow({ write: w, top, highlighted }: Props) {
  const readers = w.readers.filter((r) => READS.has(r.status)).map((r) => r.side.label);
  return (
    <div
      class={`${styles.row} ${highlighted ? styles.evidence : ""}`}
      style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }}
      data-testid="timeline-row"
      data-writer={w.byPanel ? "Session Lens" : writerLabel(w.writer)}
      data-cookie-name={w.identity.name}
      data-cookie-path={w.identity.path}
      data-request-path={w.request ? pathOf(w).split("?")[0] : ""}
      data-seq={w.seq}
      data-by-panel={w.byPanel ? "true" : undefined}
    >
      <span>
        #{w.seq} {clock(w.at)}
      </span>
      <span title={w.request?.url ?? ""}>{requestText(w)}</span>
      <span>{writerText(w)}</span>
      <span class={styles.muted}>
        {w.identity.name} · Path={w.identity.path}
        {w.oversize ? ` · ${w.bytes} bytes: refused by the browser` : ""}
      </span>
      <SessionDiffView diff={w.diff} deleted={w.deleted} />
      <span class={styles.muted} title="Sides that can read the cookie after this write">
        {w.readers.length === 0
          ? ""
          : readers.length === 0
            ? "no side reads it"
            : `read by ${readers.join(", ")}`}
      </span>
    </div>
  );
}
