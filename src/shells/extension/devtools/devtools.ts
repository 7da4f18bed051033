/**
 * The devtools page: creates the Session Lens panel and reports what only devtools can see —
 * Set-Cookie headers of finished requests (HttpOnly ones included) and navigations of the
 * inspected page — to the background over the panel port, which relays them to the panel
 * and keeps them for a panel that is shown later. Until the panel first loads it also keeps a
 * fresh cookie listing of the page to hand over, so the panel's first rows need no round trip
 * (src/shells/extension/shared/listingHandoff.ts).
 */
import browser, { type Runtime } from "webextension-polyfill";
import { type HarEntryLike, setCookieSeen } from "../../../model/harEntry";
import { PANEL_PORT_NAME, type PortUpMessage } from "../../../shared/protocol";
import { inspectedUrl } from "../shared/inspectedWindow";
import { listInspectedPage } from "../shared/listInspectedPage";
import { offerListings } from "../shared/listingHandoff";

const tabId = browser.devtools.inspectedWindow.tabId;
const handoff = offerListings(tabId);
let listingsAsked = 0;

/** Lists the page for the panel's first render; an answer overtaken by a newer ask is dropped. */
function prepareListing(knownUrl?: string): void {
  if (handoff.taken) return;
  const mine = ++listingsAsked;
  listInspectedPage({
    send: (message) => browser.runtime.sendMessage(message),
    tabId,
    knownUrl,
    devtoolsUrl: inspectedUrl,
  })
    .then((listing) => {
      if (mine === listingsAsked) handoff.offer(listing);
    })
    // Nothing to hand over then: the panel lists on its own as it always does.
    .catch(() => undefined);
}

prepareListing();
let port: Runtime.Port | null = connect();

function connect(): Runtime.Port {
  const opened = browser.runtime.connect({ name: PANEL_PORT_NAME });
  // The background may be stopped while idle; reconnect on the next message instead.
  opened.onDisconnect.addListener(() => {
    port = null;
  });
  return opened;
}

function report(message: PortUpMessage): void {
  port ??= connect();
  port.postMessage(message);
}

// Firefox shows the icon on the panel's tab; Chrome shows the title only.
void browser.devtools.panels.create(
  "Session Lens",
  "/src/shells/extension/devtools/icon-32.png",
  "/src/panel/index.html",
);

browser.devtools.network.onRequestFinished.addListener((entry) => {
  const seen = setCookieSeen(entry as unknown as HarEntryLike, Date.now());
  if (seen) report({ type: "set-cookie-seen", tabId, seen });
});

browser.devtools.network.onNavigated.addListener((url) => {
  report({ type: "navigated", tabId, url });
  prepareListing(url);
});
