/** Only the extension's own pages (panel, devtools page) may ask the background anything. */
import browser, { type Runtime } from "webextension-polyfill";

export function isOwnPage(sender: Runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(""));
}
