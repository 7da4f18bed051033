/**
 * `double-set-cookie`: one response set the same cookie twice. An outer SessionMiddleware
 * around a mounted app does this: the inner app's Set-Cookie is followed by the outer one's,
 * and the browser keeps only the last, so the inner app's write is silently thrown away.
 */

import {
  ownCookieSnippet,
  type Snippet,
  shareFormatSnippets,
  withSnippets,
} from "../../analysis/fixes";
import type { Side } from "../../model/side";
import type { TimelineWrite } from "../analyse";
import { cookieText, keysText, requestText, timeText, topKeys, who } from "../describe";
import { type BySeq, valueAt } from "./rows";
import type { Finding } from "./types";

/** The finding the last of a response's writes of one cookie makes, from all of them. */
export function doubleSetCookie(w: TimelineWrite, bySeq: BySeq): Finding | null {
  if (w.sameResponse.length < 2 || w.sameResponse[w.sameResponse.length - 1] !== w.seq) return null;
  const rows = w.sameResponse
    .map((seq) => bySeq.get(seq))
    .filter((r): r is TimelineWrite => r !== undefined);
  const first = rows[0] as TimelineWrite;
  // A key the kept cookie also has, with another value (Flask's `user` under FastAPI's), is
  // lost as surely as one it lacks; only a key with the same value survives.
  const lostKeys = topKeys(first).filter((k) => valueAt(first.data, k) !== valueAt(w.data, k));
  const writers = writersText(rows.map((r) => who(r)));
  const sides = [
    ...new Set(rows.flatMap((r) => (r.writer.kind === "side" ? [r.writer.side] : []))),
  ];
  const outer: Side | undefined = w.writer.kind === "side" ? w.writer.side : undefined;
  const snippets: Snippet[] = [
    ...(outer ? [ownCookieSnippet(outer)] : []),
    ...shareFormatSnippets(sides),
  ];
  const lost =
    lostKeys.length > 0
      ? `; ${who(first)}'s keys ${keysText(lostKeys)} never reached the browser`
      : "";
  return {
    kind: "double-set-cookie",
    evidence: rows.map((r) => r.seq),
    at: w.at,
    detail:
      `${requestText(w)} at ${timeText(w.at)} sent ${rows.length} Set-Cookie headers for ` +
      `${cookieText(w)} (from ${writers}); the browser kept only the last ` +
      `one, ${who(w)}'s${lost}. An outer session middleware wrapped around a mounted app does this.`,
    fix: withSnippets(
      "Let only one layer write this cookie: give the outer middleware its own cookie name, " +
        "or have both layers share one format so the outer one carries the inner one's keys.",
      snippets,
    ),
    snippets,
  };
}

/** Runs shown before the rest is counted: a response with thousands of headers stays one line. */
const RUNS_SHOWN = 4;

/**
 * "Flask app, then FastAPI app"; one writer several times in a row is counted ("an unknown
 * writer 3 times"), and past RUNS_SHOWN runs the rest is a number of headers.
 */
export function writersText(names: readonly string[]): string {
  const runs: { name: string; count: number }[] = [];
  for (const name of names) {
    const last = runs[runs.length - 1];
    if (last?.name === name) last.count++;
    else runs.push({ name, count: 1 });
  }
  const shown = runs
    .slice(0, RUNS_SHOWN)
    .map((r) => (r.count === 1 ? r.name : `${r.name} ${r.count.toLocaleString("en-US")} times`));
  const rest = runs.slice(RUNS_SHOWN).reduce((n, r) => n + r.count, 0);
  if (rest > 0) shown.push(`${rest.toLocaleString("en-US")} more`);
  return shown.join(", then ");
}
