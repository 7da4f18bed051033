/**
 * Which cookie changes the panel made. Before each `cookies.set` the background notes the
 * cookie's key and the value it is about to write (storage.session, queued like every other
 * record, so the onChanged event that follows reads it); a change with that key and value —
 * and Chrome's `overwrite` removal that precedes it — is then marked `byPanel: true`.
 * Notes expire after a short while so an app writing the same value later is not mistaken.
 */
import type { CookieChange, Unnumbered } from "../../../model/change";
import { cookieKey } from "../../../model/cookie";
import { readSession, updateSession } from "./sessionStore";

interface PanelWriteNote {
  key: string;
  value: string;
  at: number;
}

const KEY = "panel-writes";
const TTL_MS = 30_000;
const MAX_NOTES = 20;

export async function notePanelWrite(key: string, value: string, at = Date.now()): Promise<void> {
  await updateSession<PanelWriteNote[]>(KEY, [], (notes) =>
    [...notes.filter((n) => at - n.at < TTL_MS), { key, value, at }].slice(-MAX_NOTES),
  );
}

/** The change, marked when the panel made it. */
export async function markPanelChange(
  change: Unnumbered<CookieChange>,
): Promise<Unnumbered<CookieChange>> {
  const notes = await readSession<PanelWriteNote[]>(KEY, []);
  const key = cookieKey(change.cookie);
  const fresh = notes.filter((n) => n.key === key && change.at - n.at < TTL_MS);
  const ours =
    fresh.some((n) => n.value === change.cookie.value) ||
    (fresh.length > 0 && change.removed && change.cause === "overwrite");
  return ours ? { ...change, byPanel: true } : change;
}
