/**
 * cookies.onChanged: records each change that a tracked tab cares about in that tab's log
 * (storage.session, so it survives the background being stopped) and forwards it to the
 * tab's open panels. On an overwrite Chrome reports the old value and Firefox the new one;
 * both are recorded as reported, with the cause.
 */
import browser from "webextension-polyfill";
import type { CookieChange, Unnumbered } from "../../../model/change";
import { normaliseCookie } from "./normaliseCookie";
import { sendToPanels } from "./panelPorts";
import { markPanelChange } from "./panelWrites";
import { recordChange } from "./tabLogs";
import { tabsWatching } from "./tracking";

browser.cookies.onChanged.addListener((info) => {
  const change: Unnumbered<CookieChange> = {
    at: Date.now(),
    removed: info.removed,
    cause: info.cause,
    cookie: normaliseCookie(info.cookie),
  };
  void record(change);
});

async function record(reported: Unnumbered<CookieChange>): Promise<void> {
  const change = await markPanelChange(reported);
  for (const tabId of await tabsWatching(change.cookie)) {
    const numbered = await recordChange(tabId, change);
    sendToPanels(tabId, { type: "cookies-changed", changes: [numbered] });
  }
}
