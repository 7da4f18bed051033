/**
 * The timeline as HAR-like JSON: a HAR 1.2 log whose entries are the requests that wrote
 * session cookies (start, duration, Set-Cookie headers), so `sessionlens timeline` and the
 * panel's import read it back, plus a `_sessionLens` block per write (writer, readers, diff)
 * and the findings. No side secrets go in: only what the browser saw, labels and verdicts.
 */
import type { TimelineWrite } from "./analyse";
import { writerLabel } from "./attribute";
import type { Finding } from "./detectors/types";

export function exportTimeline(
  writes: readonly TimelineWrite[],
  findings: readonly Finding[],
  creatorVersion: string,
): string {
  const byRequest = new Map<object, TimelineWrite[]>();
  for (const w of writes) {
    if (!w.request || !w.header) continue;
    byRequest.set(w.request, [...(byRequest.get(w.request) ?? []), w]);
  }
  const entries = [...byRequest.entries()]
    .sort(([, a], [, b]) => (a[0]?.request?.startedAt ?? 0) - (b[0]?.request?.startedAt ?? 0))
    .map(([, rows]) => {
      const request = rows[0]?.request;
      return {
        startedDateTime: new Date(request?.startedAt ?? 0).toISOString(),
        time: request?.durationMs ?? 0,
        request: { method: request?.method, url: request?.url, headers: [] },
        response: {
          status: request?.status,
          headers: rows
            .sort((a, b) => a.seq - b.seq)
            .map((w) => ({ name: "Set-Cookie", value: w.header?.raw ?? "" })),
        },
      };
    });
  const writeInfo = writes.map((w) => ({
    seq: w.seq,
    at: new Date(w.at).toISOString(),
    cookie: { name: w.identity.name, domain: w.identity.domain, path: w.identity.path },
    request: w.request ? `${w.request.method} ${w.request.url}` : null,
    writer: writerLabel(w.writer),
    byPanel: w.byPanel,
    deleted: w.deleted,
    cause: w.cause,
    readers: Object.fromEntries(w.readers.map((r) => [r.side.label, r.status])),
    diff: w.diff,
  }));
  const log = {
    version: "1.2",
    creator: { name: "Session Lens", version: creatorVersion },
    entries,
    _sessionLens: {
      writes: writeInfo,
      findings: findings.map((f) => ({
        kind: f.kind,
        evidence: f.evidence,
        detail: f.detail,
        fix: f.fix,
      })),
    },
  };
  return JSON.stringify({ log }, null, 2);
}
