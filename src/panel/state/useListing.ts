/**
 * The inspected page's cookie listing, kept current: loaded once, then re-listed whenever the
 * host reports a cookie change or a navigation. Re-listing (rather than patching rows from the
 * change events) keeps one source of truth; a sequence number drops answers that arrive late.
 * A listing the host had before the panel loaded fills the first render until the first
 * answer of its own arrives.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { CookieListing } from "../../model/cookie";
import type { PanelHost } from "../../shared/host";

export interface ListingState {
  listing: CookieListing | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useListing(
  host: PanelHost,
  /** A listing in hand before the first render (the devtools page's), shown until the host answers. */
  initial: CookieListing | null = null,
): ListingState {
  const [listing, setListing] = useState<CookieListing | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);
  const answered = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    try {
      const next = await host.listCookies();
      if (mine !== sequence.current) return;
      answered.current = true;
      setListing(next);
      setError(null);
    } catch (e) {
      if (mine !== sequence.current) return;
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [host]);

  useEffect(() => {
    void host.handedOffListing?.().then((early) => {
      if (early && !answered.current) setListing(early);
    });
    void reload();
    return host.subscribe((event) => {
      if (event.type === "cookies-changed" || event.type === "navigated") void reload();
    });
  }, [host, reload]);

  return { listing, error, reload };
}

/** The origin whose sides apply to a listing (the inspected page's origin). */
export function listingOrigin(listing: CookieListing | null): string | null {
  if (!listing) return null;
  if (listing.kind === "no-permission") return listing.origin;
  try {
    const origin = new URL(listing.url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
