/**
 * The open panel ports, grouped by inspected tab. In memory only: when the background is
 * stopped the ports disconnect and each panel reconnects (and re-subscribes) on its own.
 */
import type { Runtime } from "webextension-polyfill";
import type { PortDownMessage } from "../../../shared/protocol";

const portsByTab = new Map<number, Set<Runtime.Port>>();

export function addPanelPort(tabId: number, port: Runtime.Port): void {
  const ports = portsByTab.get(tabId) ?? new Set();
  ports.add(port);
  portsByTab.set(tabId, ports);
}

/** Removes the port; returns true when it was the tab's last one. */
export function removePanelPort(tabId: number, port: Runtime.Port): boolean {
  const ports = portsByTab.get(tabId);
  ports?.delete(port);
  if (ports && ports.size > 0) return false;
  portsByTab.delete(tabId);
  return true;
}

export function sendToPanels(tabId: number, message: PortDownMessage): void {
  post(portsByTab.get(tabId) ?? [], message);
}

export function sendToAllPanels(message: PortDownMessage): void {
  for (const ports of portsByTab.values()) post(ports, message);
}

function post(ports: Iterable<Runtime.Port>, message: PortDownMessage): void {
  for (const port of ports) {
    try {
      port.postMessage(message);
    } catch {
      // The panel closed between the lookup and the post; its onDisconnect cleans up.
    }
  }
}
