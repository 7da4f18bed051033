/**
 * runtime.onMessage: answers the protocol's requests from the extension's own pages. Every
 * answer is a `Reply` (value or error text), so the panel sees a failure as a message rather
 * than a silent `undefined`. Errors name what failed, never a secret.
 */
import browser, { type Runtime } from "webextension-polyfill";
import {
  isRequest,
  originPermissionPattern,
  type Reply,
  type Request,
  type RequestType,
  type ResponseOf,
} from "../../../shared/protocol";
import { cookieHistory } from "./historyStore";
import { listCookies } from "./listCookies";
import { isOwnPage } from "./ownPage";
import { openPermissionWindow, relayPermissionResult } from "./permissionWindow";
import { loadPreferences, savePreferences } from "./preferencesStore";
import {
  loadSides,
  saveSides,
  vaultEnable,
  vaultLock,
  vaultState,
  vaultUnlock,
} from "./sidesStore";
import { recentChanges } from "./tabLogs";
import { writeCookies } from "./writeCookies";

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isRequest(message) || !isOwnPage(sender)) return undefined;
  return reply(message);
});

async function reply(message: Request): Promise<Reply<RequestType>> {
  try {
    return { ok: true, value: await answer(message) };
  } catch (error) {
    return { ok: false, error: `${message.type} failed: ${(error as Error).message ?? error}` };
  }
}

async function answer(message: Request): Promise<ResponseOf<RequestType>> {
  switch (message.type) {
    case "list-cookies":
      return listCookies(message.tabId, message.pageUrl);
    case "recent-changes":
      return recentChanges(message.tabId, message.afterSeq);
    case "load-sides":
      return loadSides(message.origin);
    case "load-preferences":
      return loadPreferences();
    case "save-preferences":
      await savePreferences(message.preferences);
      return { saved: true };
    case "save-sides":
      await saveSides(message.origin, message.sides);
      return { saved: true };
    case "permission-status":
      return {
        granted: await browser.permissions.contains({
          origins: [originPermissionPattern(message.origin)],
        }),
      };
    case "open-permission-page":
      await openPermissionWindow(message.origin);
      return { opened: true };
    case "permission-result":
      relayPermissionResult(message);
      return { relayed: true };
    case "write-cookies":
      return writeCookies(message.pageUrl, message.writes);
    case "cookie-history":
      return cookieHistory(message.origin, message.key);
    case "reload-tab":
      await browser.tabs.reload(message.tabId);
      return { reloaded: true };
    case "vault-status":
      return vaultState();
    case "vault-enable":
      return vaultEnable(message.passphrase);
    case "vault-lock":
      return vaultLock();
    case "vault-unlock":
      return vaultUnlock(message.passphrase);
  }
}
