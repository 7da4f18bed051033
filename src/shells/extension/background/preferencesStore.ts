/** The panel's own settings in storage.local (never storage.sync), one key for every site. */
import browser from "webextension-polyfill";
import {
  PREFERENCES_KEY as KEY,
  type PanelPreferences,
  readPreferences,
} from "../../../model/preferences";

export async function loadPreferences(): Promise<PanelPreferences> {
  return readPreferences((await browser.storage.local.get(KEY))[KEY]);
}

export async function savePreferences(preferences: PanelPreferences): Promise<void> {
  await browser.storage.local.set({ [KEY]: readPreferences(preferences) });
}
