/**
 * Host access for Firefox panels, which have no permissions API: a small extension window
 * (src/shells/extension/devtools/grant.html) where the user's click calls `permissions.request`. Its answer,
 * or the window closing unanswered, is relayed to the panels as a `permission-result`. Open
 * windows are remembered in storage.session because the event page may unload meanwhile.
 */
import browser from "webextension-polyfill";
import { originPermissionPattern, type PermissionResult } from "../../../shared/protocol";
import { sendToAllPanels } from "./panelPorts";
import { readSession, updateSession } from "./sessionStore";

const KEY = "permission-windows";
type OpenWindows = Record<string, string>;

export async function openPermissionWindow(origin: string): Promise<void> {
  const url = browser.runtime.getURL(
    `src/shells/extension/devtools/grant.html?origin=${encodeURIComponent(origin)}`,
  );
  const window = await browser.windows.create({ url, type: "popup", width: 460, height: 300 });
  if (window.id === undefined) return;
  await updateSession<OpenWindows>(KEY, {}, (open) => ({ ...open, [String(window.id)]: origin }));
}

export function relayPermissionResult(result: PermissionResult): void {
  sendToAllPanels(result);
}

browser.windows.onRemoved.addListener((windowId) => {
  void closedUnanswered(windowId);
});

async function closedUnanswered(windowId: number): Promise<void> {
  const origin = (await readSession<OpenWindows>(KEY, {}))[String(windowId)];
  if (origin === undefined) return;
  await updateSession<OpenWindows>(KEY, {}, ({ [String(windowId)]: _closed, ...rest }) => rest);
  const granted = await browser.permissions.contains({
    origins: [originPermissionPattern(origin)],
  });
  relayPermissionResult({ type: "permission-result", origin, granted });
}
