/**
 * The extension panel's entry: builds the PanelHost over the background protocol and renders
 * the App. Inside DevTools the inspected tab comes from `devtools.inspectedWindow`; opened as a
 * normal tab (`index.html?tabId=N`, a fallback for tests and for browsers without the panel)
 * it comes from the query string. Two performance marks (`session-lens:main`,
 * `session-lens:rows-rendered` with the row count) let tests measure the first render.
 */
import { render } from "preact";
import browser from "webextension-polyfill";
import { App } from "./App";
import { createExtensionHost } from "./extensionHost";

performance.mark("session-lens:main");

const devtools = browser.devtools as typeof browser.devtools | undefined;
const tabId = devtools?.inspectedWindow
  ? devtools.inspectedWindow.tabId
  : Number(new URLSearchParams(location.search).get("tabId"));

async function inspectedUrl(): Promise<string | undefined> {
  if (!devtools?.inspectedWindow) return undefined;
  try {
    // Firefox answers [result, exceptionInfo]; the polyfill in Chrome answers the result alone.
    const answer: unknown = await devtools.inspectedWindow.eval("location.href");
    const href = Array.isArray(answer) ? answer[0] : answer;
    return typeof href === "string" ? href : undefined;
  } catch {
    return undefined;
  }
}

function theme(): "light" | "dark" {
  const devtoolsTheme = devtools?.panels?.themeName;
  if (devtoolsTheme) return devtoolsTheme === "dark" ? "dark" : "light";
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function markFirstRows(root: HTMLElement): void {
  const observer = new MutationObserver(() => {
    const rows = root.querySelectorAll("[data-testid=cookie-row]").length;
    if (rows === 0) return;
    performance.mark("session-lens:rows-rendered", { detail: { rows } });
    observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
}

const root = document.getElementById("root")!;
document.documentElement.dataset.theme = theme();
markFirstRows(root);
const host = createExtensionHost({ tabId, inspectedUrl, theme });
render(<App host={host} />, root);
