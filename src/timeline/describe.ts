/**
 * Words for timeline rows in findings: a request as `GET /path`, a time as `12:01:03 UTC`, a
 * cookie as `` `session` (Path=/) ``, key lists as `` `a`, `b` ``. Times are UTC so a finding
 * reads the same in the panel, the CLI and a test.
 */
import { joinNames } from "../analysis/overwrite";
import type { TimelineWrite } from "./analyse";
import { writerLabel } from "./attribute";
import { urlParts } from "./url";

export function requestText(w: TimelineWrite): string {
  if (!w.request)
    return w.byPanel ? "a write from Session Lens" : "a write no visible request made";
  const url = urlParts(w.request.url);
  // A URL that does not parse is shown as written.
  return `${w.request.method} ${url ? url.pathname + url.search : w.request.url}`;
}

export function timeText(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

export function cookieText(w: TimelineWrite): string {
  return `\`${w.identity.name}\` (Path=${w.identity.path})`;
}

export function keysText(keys: readonly string[]): string {
  return joinNames(keys.map((k) => `\`${k}\``));
}

export function who(w: TimelineWrite): string {
  const label = writerLabel(w.writer);
  return label === "unknown" ? "an unknown writer" : label;
}

/** Top-level keys of a decoded session (empty for anything but a dict). */
export function topKeys(w: TimelineWrite): string[] {
  return w.data instanceof Map ? [...w.data.keys()] : [];
}
