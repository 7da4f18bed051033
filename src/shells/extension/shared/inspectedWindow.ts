/**
 * What devtools knows about the inspected tab, for the devtools page and the panel alike.
 * Outside DevTools (the panel opened as `index.html?tabId=N`, for tests and browsers without
 * the panel) the tab comes from the query string and there is no page URL to ask for.
 */
import browser from "webextension-polyfill";

const devtools = browser.devtools as typeof browser.devtools | undefined;

export function inspectedTabId(): number {
  return devtools?.inspectedWindow
    ? devtools.inspectedWindow.tabId
    : Number(new URLSearchParams(location.search).get("tabId"));
}

/** The inspected page's URL, asked of the page itself (one round trip to it). */
export async function inspectedUrl(): Promise<string | undefined> {
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

/** DevTools' navigation event of the inspected page; nothing outside DevTools. */
export function devtoolsNavigated(listener: (url: string) => void): void {
  devtools?.network?.onNavigated.addListener(listener);
}

export function devtoolsTheme(): "light" | "dark" {
  const themeName = devtools?.panels?.themeName;
  if (themeName) return themeName === "dark" ? "dark" : "light";
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
