/**
 * Asks the background for the inspected page's cookie listing. The background names the page
 * by the tab's own URL whenever it may see it (host access granted), so the request goes out
 * at once; devtools' answer for the URL, which costs a round trip to the page, is only waited
 * for when the background could not see the URL (no host access yet, or a browser page).
 */
import type { CookieListing } from "../../../model/cookie";
import { request, type SendMessage } from "../../../shared/protocol";

export interface ListInspectedPage {
  send: SendMessage;
  tabId: number;
  /** Where devtools last saw the page navigate, if it did: then no one needs to ask the page. */
  knownUrl?: string;
  /** Asks the page for its URL (devtools `inspectedWindow.eval`). */
  devtoolsUrl?: () => Promise<string | undefined>;
}

export async function listInspectedPage(options: ListInspectedPage): Promise<CookieListing> {
  const { send, tabId, knownUrl } = options;
  const list = (pageUrl: string | undefined) =>
    request(send, { type: "list-cookies", tabId, ...(pageUrl ? { pageUrl } : {}) });
  const devtoolsUrl = knownUrl
    ? Promise.resolve(knownUrl)
    : (options.devtoolsUrl?.().catch(() => undefined) ?? Promise.resolve(undefined));
  const listing = await list(knownUrl);
  if (listing.kind === "ok" || knownUrl) return listing;
  const pageUrl = await devtoolsUrl;
  return pageUrl ? list(pageUrl) : listing;
}
