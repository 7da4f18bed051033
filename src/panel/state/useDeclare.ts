/**
 * The declare flow on the selected cookie: whether to offer "Declare the app that wrote this"
 * (the cookie has a detected format and no declared side reads it), the side it creates, and
 * which side the open declare form edits. The form belongs to the cookie it was opened on.
 */
import { useState } from "preact/hooks";
import { declareSide } from "../../analysis/declareSide";
import type { Side } from "../../model/side";
import type { CookieRowModel } from "./cookieRows";
import { makeSideId } from "./sideFactory";
import type { CookieAnalysis } from "./useCookieAnalysis";
import type { SideActions } from "./useSideActions";

export interface Declaring {
  /** The side the declare form edits, while it is open and the side exists. */
  side: Side | null;
  /** Offered when it makes sense for this cookie. */
  declare?: () => void;
  done: () => void;
}

export function useDeclare(
  row: CookieRowModel,
  analysis: CookieAnalysis,
  sides: readonly Side[],
  actions: SideActions | undefined,
  /** URL path of the request that set the cookie, when the timeline saw one. */
  requestPath: string | null,
): Declaring {
  const [open, setOpen] = useState<{ cookieKey: string; sideId: string } | null>(null);
  const side =
    open?.cookieKey === row.key ? (sides.find((s) => s.id === open.sideId) ?? null) : null;
  const format = analysis.display?.result.format ?? row.formats[0];
  const readable = analysis.agreement.judgements.some((j) => j.outcome === "accepts");
  const offered = actions && format && row.signs === undefined && !readable && side === null;
  const declare = () => {
    if (!actions || !format) return;
    const { name, path } = row.cookie;
    const from = { format, cookieName: name, cookiePath: path, requestPath };
    const next = declareSide(from, sides, makeSideId());
    actions.add(next);
    setOpen({ cookieKey: row.key, sideId: next.id });
  };
  return { side, ...(offered ? { declare } : {}), done: () => setOpen(null) };
}
