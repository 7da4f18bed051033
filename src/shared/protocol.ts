/**
 * The one message protocol between the extension's pages (panel, devtools page) and the
 * background, which does all cookie and storage access (Firefox gives devtools pages no
 * cookies or tabs API). Requests are a discriminated union answered through
 * `runtime.sendMessage`; `ResponseOf` maps each request type to its answer so the helper
 * below is typed end to end. Live events travel over a named port, one per panel or devtools
 * page, keyed by the inspected tab's id.
 */
import type { CookieChange, SetCookieSeen, Unnumbered } from "../model/change";
import type { CookieListing } from "../model/cookie";
import type { CookieWrite, WriteOutcome } from "../model/cookieWrite";
import type { HistoryEntry } from "../model/history";
import type { PanelPreferences } from "../model/preferences";
import type { Side } from "../model/side";
import type { HostEvent } from "./host";
import type { VaultStatus } from "./vault";

/** Name of the runtime.Port every panel/devtools page opens to the background. */
export const PANEL_PORT_NAME = "session-lens-panel";

export type Request =
  | {
      type: "list-cookies";
      tabId: number;
      /** The page URL as devtools sees it; used only to name the origin when access is missing. */
      pageUrl?: string;
    }
  /** Changes numbered after `afterSeq` (all of them without it): what a reconnecting panel missed. */
  | { type: "recent-changes"; tabId: number; afterSeq?: number }
  | { type: "load-sides"; origin: string }
  | { type: "save-sides"; origin: string; sides: Side[] }
  | { type: "permission-status"; origin: string }
  /** The panel's own settings (src/model/preferences.ts), the same for every site. */
  | { type: "load-preferences" }
  | { type: "save-preferences"; preferences: PanelPreferences }
  /**
   * Firefox gives devtools panels no permissions API: the panel asks the background to open a
   * small extension window where the user's click can call `permissions.request`.
   */
  | { type: "open-permission-page"; origin: string }
  /** From that window: what the user decided (relayed to every panel). */
  | PermissionResult
  /**
   * Sets cookies (a session and its `.sig` companion: both or neither) keeping every attribute,
   * reads them back, and files what they replaced in the site's undo history.
   */
  | { type: "write-cookies"; tabId: number; pageUrl: string; writes: CookieWrite[] }
  /** The undo history of one cookie (by cookie key) on a site, newest first. */
  | { type: "cookie-history"; origin: string; key: string }
  | { type: "reload-tab"; tabId: number }
  /** The secret vault (src/shared/vault.ts); the passphrase is never stored or logged. */
  | { type: "vault-status" }
  | { type: "vault-enable"; passphrase: string }
  | { type: "vault-lock" }
  | { type: "vault-unlock"; passphrase: string };

export interface ResponseMap {
  "list-cookies": CookieListing;
  "recent-changes": CookieChange[];
  "load-sides": Side[];
  "save-sides": { saved: true };
  "permission-status": { granted: boolean };
  "load-preferences": PanelPreferences;
  "save-preferences": { saved: true };
  "open-permission-page": { opened: true };
  "permission-result": { relayed: true };
  "write-cookies": WriteOutcome;
  "cookie-history": HistoryEntry[];
  "reload-tab": { reloaded: true };
  "vault-status": VaultStatus;
  "vault-enable": VaultStatus;
  "vault-lock": VaultStatus;
  "vault-unlock": { unlocked: boolean };
}

export type RequestType = Request["type"];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type ResponseOf<T extends RequestType> = ResponseMap[T];

/** What the background answers: the result, or an error it caught (never a secret). */
export type Reply<T extends RequestType> =
  | { ok: true; value: ResponseOf<T> }
  | { ok: false; error: string };

/** Port messages from a panel or devtools page to the background. */
export type PortUpMessage =
  /** Start receiving events for this tab; `replay` asks for buffered Set-Cookie sightings. */
  | { type: "subscribe"; tabId: number; replay: boolean }
  /** From the devtools page: a response with Set-Cookie headers (only devtools sees them). */
  | { type: "set-cookie-seen"; tabId: number; seen: Unnumbered<SetCookieSeen> }
  /** From the devtools page: the inspected page navigated. */
  | { type: "navigated"; tabId: number; url: string };

/** Port messages from the background to a panel: the panel's host events, and grant results. */
export type PortDownMessage = HostEvent | PermissionResult;

export interface PermissionResult {
  type: "permission-result";
  origin: string;
  granted: boolean;
}

/** Anything that can carry one message and answer it (runtime.sendMessage, or a fake in tests). */
export type SendMessage = (message: Request) => Promise<unknown>;

/** Sends a request and unwraps the reply, typed by the request's `type`. */
export async function request<T extends RequestType>(
  send: SendMessage,
  message: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const reply = (await send(message)) as Reply<T> | undefined;
  if (!reply) throw new Error(`no answer from the background to ${message.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * The host-permission match pattern for an origin. Match patterns carry no port (Firefox
 * rejects one), so `http://127.0.0.1:5000` asks for `http://127.0.0.1/*`.
 */
export function originPermissionPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** True when a runtime message is one of ours (other senders may share runtime.onMessage). */
export function isRequest(message: unknown): message is Request {
  if (typeof message !== "object" || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return (
    type === "list-cookies" ||
    type === "recent-changes" ||
    type === "load-sides" ||
    type === "save-sides" ||
    type === "permission-status" ||
    type === "load-preferences" ||
    type === "save-preferences" ||
    type === "open-permission-page" ||
    type === "permission-result" ||
    type === "write-cookies" ||
    type === "cookie-history" ||
    type === "reload-tab" ||
    type === "vault-status" ||
    type === "vault-enable" ||
    type === "vault-lock" ||
    type === "vault-unlock"
  );
}
