/**
 * `oversize`: a value the browser refuses for size. Name plus value over 4096 bytes is
 * dropped without a word, so the jar keeps the previous session while the app believes it
 * saved the new one.
 */
import { COOKIE_BYTE_LIMIT } from "../../analysis/cookieSize";
import { type Snippet, withSnippets } from "../../analysis/fixes";
import type { TimelineWrite } from "../analyse";
import { cookieText, requestText, timeText, who } from "../describe";
import type { Finding } from "./types";

const SNIPPETS: Snippet[] = [
  {
    label: "Flask app (server-side session with Flask-Session)",
    code: 'from flask_session import Session\n\napp.config["SESSION_TYPE"] = "filesystem"\nSession(app)',
  },
];

/** The finding row `w` makes, if any. */
export function oversizeWrite(w: TimelineWrite): Finding | null {
  if (!w.oversize) return null;
  return {
    kind: "oversize" as const,
    evidence: [w.seq],
    at: w.at,
    detail:
      `${who(w)} wrote ${cookieText(w)} on ${requestText(w)} at ${timeText(w.at)} with ` +
      `${w.bytes} bytes (name + value); browsers refuse a cookie over ${COOKIE_BYTE_LIMIT} ` +
      `bytes, so it was dropped and the browser kept the previous value.`,
    fix: withSnippets(
      `Keep the session under ${COOKIE_BYTE_LIMIT} bytes: store ids in the cookie and the data on the server.`,
      SNIPPETS,
    ),
    snippets: SNIPPETS,
  };
}
