/**
 * runtime.onConnect: panels subscribe to a tab's events; the devtools page reports what only
 * devtools can see (Set-Cookie headers of finished requests, navigations), which is relayed to
 * the tab's panels and kept for a panel that opens later.
 */
import browser, { type Runtime } from "webextension-polyfill";
import { PANEL_PORT_NAME, type PortUpMessage } from "../../../shared/protocol";
import { isOwnPage } from "./ownPage";
import { addPanelPort, removePanelPort, sendToPanels } from "./panelPorts";
import { recentSeen, recordSeen } from "./tabLogs";
import { setPanelOpen } from "./tracking";

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== PANEL_PORT_NAME || !isOwnPage(port.sender)) return;
  port.onMessage.addListener((message) => {
    void handle(port, message as PortUpMessage);
  });
});

async function handle(port: Runtime.Port, message: PortUpMessage): Promise<void> {
  switch (message.type) {
    case "subscribe": {
      const { tabId } = message;
      addPanelPort(tabId, port);
      port.onDisconnect.addListener(() => {
        if (removePanelPort(tabId, port)) void setPanelOpen(tabId, false);
      });
      await setPanelOpen(tabId, true);
      if (message.replay) {
        for (const seen of await recentSeen(tabId))
          port.postMessage({ type: "set-cookie-seen", seen });
      }
      return;
    }
    case "set-cookie-seen":
      sendToPanels(message.tabId, {
        type: "set-cookie-seen",
        seen: await recordSeen(message.tabId, message.seen),
      });
      return;
    case "navigated":
      sendToPanels(message.tabId, { type: "navigated", url: message.url });
      return;
  }
}
