/** tabs.onRemoved: a closed tab's tracking entry and logs are dropped (no permission needed). */
import browser from "webextension-polyfill";
import { forgetTab } from "./tracking";

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});
