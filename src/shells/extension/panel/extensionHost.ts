/**
 * The PanelHost the extension panel runs on: every call goes to the background over the typed
 * protocol (Firefox gives devtools pages no cookies API), live events come over the named
 * port. When the background is stopped the port drops; the host reconnects at once and fills
 * the gap from the background's stored change log (by sequence number, so changes made in the
 * same millisecond are not lost), so a listener misses nothing. Firefox
 * panels have no permissions API, so there host access is granted in a small window the
 * background opens, whose answer comes back over the port.
 */

import browser, { type Runtime } from "webextension-polyfill";
import type { CookieChange } from "../../../model/change";
import type { CookieListing } from "../../../model/cookie";
import type { HostEvent, PanelHost } from "../../../shared/host";
import {
  originPermissionPattern,
  PANEL_PORT_NAME,
  type PortDownMessage,
  type Request,
  request,
} from "../../../shared/protocol";
import { listInspectedPage } from "../shared/listInspectedPage";
import { takeOfferedListing } from "../shared/listingHandoff";
import { webAuditPool } from "./auditPool";

type Listener = (event: HostEvent) => void;

const LISTED_MARK = "session-lens:cookies-listed";

/** For the e2e first-render measure: when the first listing arrived, and from where. */
function markFirstListing(source: "devtools page" | "background"): void {
  if (performance.getEntriesByName(LISTED_MARK).length > 0) return;
  performance.mark(LISTED_MARK, { detail: { source } });
}

export interface ExtensionHostOptions {
  tabId: number;
  /** The inspected page's URL as devtools sees it (absent in the `?tabId=` tab fallback). */
  inspectedUrl?: () => Promise<string | undefined>;
  theme: () => "light" | "dark";
  /** Send the first `list-cookies` now, while the UI is still being built (the panel's first render). */
  listEarly?: boolean;
  /** Take the listing the devtools page made before the panel loaded (see listingHandoff.ts). */
  listingHandoff?: boolean;
  /**
   * DevTools' own navigation event, where the panel can listen to it: a navigation then
   * reaches the panel directly, not only through the background, which may be restarting
   * (its in-memory panel ports are gone until the panel reconnects) just when it happens.
   */
  onNavigated?: (listener: (url: string) => void) => void;
}

const send = (message: Request) => browser.runtime.sendMessage(message);

export function createExtensionHost(options: ExtensionHostOptions): PanelHost {
  const { tabId } = options;
  const listeners = new Set<Listener>();
  let port: Runtime.Port | null = null;
  /** The highest change number seen: a reconnect asks for everything after it. */
  let lastSeq = 0;
  /** Where devtools last saw the page navigate: asking the page itself mid-navigation races. */
  let navigatedUrl: string | undefined;
  const permissionWaiters = new Map<string, ((granted: boolean) => void)[]>();

  const onPortMessage = (message: PortDownMessage) => {
    if (message.type !== "permission-result") return emit(message);
    for (const resolve of permissionWaiters.get(message.origin) ?? []) resolve(message.granted);
    permissionWaiters.delete(message.origin);
  };

  const emit = (event: HostEvent) => {
    if (event.type === "navigated") {
      navigatedUrl = event.url;
      earlyListing = null; // it names the page before this navigation
      handoffWait.abort(); // and so would a handed-off one
    }
    if (event.type === "cookies-changed") {
      for (const change of event.changes) lastSeq = Math.max(lastSeq, change.seq);
    }
    for (const listener of listeners) listener(event);
  };

  const connect = (replay: boolean) => {
    port = browser.runtime.connect({ name: PANEL_PORT_NAME });
    port.onMessage.addListener((message) => onPortMessage(message as PortDownMessage));
    port.onDisconnect.addListener(() => {
      port = null;
      if (listeners.size > 0 || permissionWaiters.size > 0) void reconnect();
    });
    port.postMessage({ type: "subscribe", tabId, replay });
  };

  const reconnect = async () => {
    connect(false);
    const missed = await request(send, { type: "recent-changes", tabId, afterSeq: lastSeq });
    if (missed.length > 0) emit({ type: "cookies-changed", changes: missed });
  };

  const listOnce = async (): Promise<CookieListing> => {
    const listing = await listInspectedPage({
      send,
      tabId,
      knownUrl: navigatedUrl,
      devtoolsUrl: options.inspectedUrl,
    });
    handoffWait.abort(); // the fresh listing is here: a handed-off one is no longer wanted
    markFirstListing("background");
    return listing;
  };

  const handoffWait = new AbortController();
  /** Asked for at once: the panel's effects, which would ask, run only after its first frame. */
  const handedOff: Promise<CookieListing | null> = options.listingHandoff
    ? takeOfferedListing(tabId, handoffWait.signal).then((listing) => {
        if (listing) markFirstListing("devtools page");
        return listing;
      })
    : Promise.resolve(null);
  /** Started before the first render when asked, and handed to the first `listCookies`. */
  let earlyListing: Promise<CookieListing> | null = options.listEarly ? listOnce() : null;
  // A dropped early listing that failed must not surface as an unhandled rejection.
  earlyListing?.catch(() => undefined);

  const recentChanges = (): Promise<CookieChange[]> =>
    request(send, { type: "recent-changes", tabId });

  // A navigation both ways (here and relayed) lists the page once more; the listing's own
  // sequence number makes that harmless.
  options.onNavigated?.((url) => emit({ type: "navigated", url }));

  return {
    listCookies(): Promise<CookieListing> {
      const early = earlyListing;
      earlyListing = null;
      return early ?? listOnce();
    },
    async requestHostPermission(origin) {
      const permissions = browser.permissions as typeof browser.permissions | undefined;
      if (permissions?.request) {
        // Called before any await, so the click's user gesture still counts.
        return permissions.request({ origins: [originPermissionPattern(origin)] });
      }
      const answer = new Promise<boolean>((resolve) => {
        permissionWaiters.set(origin, [...(permissionWaiters.get(origin) ?? []), resolve]);
      });
      if (!port) connect(false);
      await request(send, { type: "open-permission-page", origin });
      return answer;
    },
    handedOffListing: () => handedOff,
    recentChanges,
    subscribe(listener) {
      listeners.add(listener);
      if (!port) connect(true);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          port?.disconnect();
          port = null;
        }
      };
    },
    loadSides: (origin) => request(send, { type: "load-sides", origin }),
    loadPreferences: () => request(send, { type: "load-preferences" }),
    savePreferences: async (preferences) => {
      await request(send, { type: "save-preferences", preferences });
    },
    saveSides: async (origin, sides) => {
      await request(send, { type: "save-sides", origin, sides });
    },
    writeCookies: (pageUrl, writes) =>
      request(send, { type: "write-cookies", tabId, pageUrl, writes }),
    cookieHistory: (origin, key) => request(send, { type: "cookie-history", origin, key }),
    reloadPage: async () => {
      await request(send, { type: "reload-tab", tabId });
    },
    vaultStatus: () => request(send, { type: "vault-status" }),
    enableVault: async (passphrase) => {
      await request(send, { type: "vault-enable", passphrase });
    },
    lockVault: async () => {
      await request(send, { type: "vault-lock" });
    },
    unlockVault: async (passphrase) =>
      (await request(send, { type: "vault-unlock", passphrase })).unlocked,
    theme: options.theme,
    auditPool: webAuditPool,
  };
}
