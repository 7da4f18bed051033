/**
 * The extension panel's entry: builds the PanelHost over the background protocol and renders
 * the App. The first cookie listing is asked for before the first render, and the listing the
 * devtools page made when DevTools opened is taken over at once (see listingHandoff.ts), so
 * the first rows wait on as little as possible. Performance marks (`session-lens:main`,
 * `session-lens:cookies-listed`, `session-lens:rows-rendered` with the row count) let the e2e
 * tests print the first render.
 */
import { render } from "preact";
import { App } from "../../../panel/App";
import {
  devtoolsNavigated,
  devtoolsTheme,
  inspectedTabId,
  inspectedUrl,
} from "../shared/inspectedWindow";
import { createExtensionHost } from "./extensionHost";

performance.mark("session-lens:main");

function markFirstRows(root: HTMLElement): void {
  const observer = new MutationObserver(() => {
    const rows = root.querySelectorAll("[data-testid=cookie-row]").length;
    if (rows === 0) return;
    performance.mark("session-lens:rows-rendered", { detail: { rows } });
    observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
}

const host = createExtensionHost({
  tabId: inspectedTabId(),
  inspectedUrl,
  theme: devtoolsTheme,
  listEarly: true,
  listingHandoff: true,
  onNavigated: devtoolsNavigated,
});
const root = document.getElementById("root")!;
document.documentElement.dataset.theme = devtoolsTheme();
markFirstRows(root);
// In Chrome the devtools page's listing is handed over within microtasks: waiting one task at
// most lets the first frame show rows instead of "Reading cookies…".
const oneTask = new Promise<null>((resolve) => setTimeout(() => resolve(null), 0));
void Promise.race([host.handedOffListing?.() ?? oneTask, oneTask]).then((initialListing) => {
  render(<App host={host} initialListing={initialListing} />, root);
});
