/**
 * Hands the panel a cookie listing made before it loaded. The devtools page starts when
 * DevTools opens, before the Session Lens panel is first shown, so it lists the inspected
 * page's cookies then (and after each navigation) and gives that listing to the panel the
 * moment the panel asks: the panel's first rows need no round trip to the background. The
 * panel still asks the background for a fresh listing at once and shows that as soon as it
 * arrives, so a stale handoff lasts one round trip at most.
 *
 * Two ways across, fastest first: where the devtools page is a same-origin sibling frame of the
 * panel (Chrome), the panel calls it directly; otherwise (Firefox) over a BroadcastChannel,
 * which in Chrome costs more than the background round trip it would save. No extension API
 * here: both sides are same-origin extension pages.
 */
import type { CookieListing } from "../../../model/cookie";

type HandoffMessage = { kind: "want" } | { kind: "listing"; listing: CookieListing };

/** What the devtools page puts on its window for a sibling panel frame to call. */
interface WindowHandoff {
  tabId: number;
  take(receive: (listing: CookieListing) => void): void;
}

const WINDOW_KEY = "sessionLensListingHandoff";

const channelName = (tabId: number) => `session-lens-listing:${tabId}`;

function isHandoffMessage(data: unknown): data is HandoffMessage {
  if (typeof data !== "object" || data === null) return false;
  const kind = (data as { kind?: unknown }).kind;
  return kind === "want" || (kind === "listing" && "listing" in data);
}

export interface ListingOffer {
  /** The newest listing; a panel that already asked gets it now, a later one when it asks. */
  offer(listing: CookieListing): void;
  /** True once a panel took a listing: then the devtools page has nothing more to do here. */
  readonly taken: boolean;
  close(): void;
}

/** Devtools page side: keeps the newest listing and gives it to the first panel that asks. */
export function offerListings(tabId: number): ListingOffer {
  const channel = new BroadcastChannel(channelName(tabId));
  let latest: CookieListing | null = null;
  let receiver: ((listing: CookieListing) => void) | null = null;
  let taken = false;
  const close = () => {
    taken = true;
    channel.close();
    Reflect.deleteProperty(globalThis, WINDOW_KEY);
  };
  const give = () => {
    if (!latest || !receiver || taken) return;
    receiver(latest);
    close();
  };
  const ask = (receive: (listing: CookieListing) => void) => {
    receiver ??= receive;
    give();
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isHandoffMessage(event.data) || event.data.kind !== "want") return;
    ask((listing) => channel.postMessage({ kind: "listing", listing } satisfies HandoffMessage));
  };
  const onWindow: WindowHandoff = { tabId, take: ask };
  Reflect.set(globalThis, WINDOW_KEY, onWindow);
  return {
    offer(listing) {
      latest = listing;
      give();
    },
    get taken() {
      return taken;
    },
    close,
  };
}

/** The devtools page's handoff when it is a same-origin sibling frame (not in Firefox). */
function siblingHandoff(tabId: number): WindowHandoff | null {
  if (typeof window === "undefined" || window.parent === window) return null;
  const siblings = window.parent.frames;
  for (let i = 0; i < siblings.length; i++) {
    try {
      const found: unknown = Reflect.get(siblings[i] ?? {}, WINDOW_KEY);
      const handoff = found as Partial<WindowHandoff> | undefined;
      if (handoff?.tabId === tabId && typeof handoff.take === "function") {
        return handoff as WindowHandoff;
      }
    } catch {
      // A cross-origin frame (DevTools' own, another extension's): not ours.
    }
  }
  return null;
}

/**
 * Panel side: the listing the devtools page offers, or null when `signal` aborts first (the
 * panel's own listing arrived, or there is no devtools page: the `?tabId=` tab fallback).
 */
export function takeOfferedListing(
  tabId: number,
  signal: AbortSignal,
): Promise<CookieListing | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    let channel: BroadcastChannel | null = null;
    let done = false;
    const finish = (listing: CookieListing | null) => {
      if (done) return;
      done = true;
      signal.removeEventListener("abort", onAbort);
      channel?.close();
      resolve(listing);
    };
    const onAbort = () => finish(null);
    signal.addEventListener("abort", onAbort);
    const sibling = siblingHandoff(tabId);
    if (sibling) {
      // A copy: the object was made in the devtools page's realm.
      sibling.take((listing) => finish(structuredClone(listing)));
      return;
    }
    channel = new BroadcastChannel(channelName(tabId));
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isHandoffMessage(event.data) && event.data.kind === "listing") finish(event.data.listing);
    };
    channel.postMessage({ kind: "want" } satisfies HandoffMessage);
  });
}
