/**
 * docs/cli.md §10's `timeline` lines: one `write` object per session-cookie write, then one
 * `finding` object per finding, each on its own line (NDJSON, line breakers escaped).
 */
import type { Finding, TimelineWrite } from "../timeline";
import { writerLabel } from "../timeline/attribute";
import { escapeLineBreakers } from "./output";

export function writeLine(w: TimelineWrite): string {
  const line: Record<string, unknown> = {
    type: "write",
    seq: w.seq,
    at: new Date(w.at).toISOString(),
    request: w.request
      ? { method: w.request.method, url: w.request.url, status: w.request.status }
      : null,
    cookie: { name: w.identity.name, domain: w.identity.domain, path: w.identity.path },
    writer: writerLabel(w.writer),
    readers: Object.fromEntries(w.readers.map((r) => [r.side.label, r.status])),
    diff: w.diff,
  };
  if (w.writer.kind === "unknown") line.format = w.writer.format;
  if (w.deleted) line.deleted = true;
  if (w.oversize) line.oversize = w.bytes;
  return escapeLineBreakers(JSON.stringify(line));
}

export function findingLine(f: Finding): string {
  return escapeLineBreakers(
    JSON.stringify({
      type: "finding",
      kind: f.kind,
      evidence: f.evidence,
      detail: f.detail,
      fix: f.fix,
    }),
  );
}
