/**
 * What the panel needs from the browser, as one interface. The extension shell implements it
 * over the typed message protocol (background does all cookie access: Firefox gives the panel
 * no cookies API); the inline shell implements it in memory for UI tests and UI work.
 * Keeping the panel behind this seam is what lets the same UI run in both.
 */

import type { AuditPool } from "../audit/coordinator";
import type { CookieChange, SetCookieSeen } from "../model/change";
import type { CookieListing } from "../model/cookie";
import type { CookieWrite, WriteOutcome } from "../model/cookieWrite";
import type { HistoryEntry } from "../model/history";
import type { PanelPreferences } from "../model/preferences";
import type { Side } from "../model/side";
import type { VaultStatus } from "./vault";

export type HostEvent =
  | { type: "cookies-changed"; changes: CookieChange[] }
  | { type: "navigated"; url: string }
  | { type: "set-cookie-seen"; seen: SetCookieSeen };

export interface PanelHost {
  /** The inspected page's cookies: all paths, parent domains, partitions, its cookie store. */
  listCookies(): Promise<CookieListing>;
  /**
   * A listing made before the panel loaded (the devtools page lists when DevTools opens), for
   * the first rows only: `listCookies` is still asked and wins. Null when there is none.
   */
  handedOffListing?(): Promise<CookieListing | null>;
  /** Asks for host access to an origin; must be called from a user gesture. */
  requestHostPermission(origin: string): Promise<boolean>;
  /** Recorded cookie changes for the inspected tab (survive a sleeping service worker). */
  recentChanges(): Promise<CookieChange[]>;
  subscribe(listener: (event: HostEvent) => void): () => void;
  loadSides(origin: string): Promise<Side[]>;
  /** The panel's own settings (which optional columns are on), kept between openings. */
  loadPreferences(): Promise<PanelPreferences>;
  savePreferences(preferences: PanelPreferences): Promise<void>;
  saveSides(origin: string, sides: Side[]): Promise<void>;
  /**
   * Writes cookies back (see src/model/cookieWrite.ts) for the page at `pageUrl`: all or none,
   * read back and confirmed, what they replaced filed in the site's undo history.
   */
  writeCookies(pageUrl: string, writes: CookieWrite[]): Promise<WriteOutcome>;
  /** One cookie's undo history on a site (origin), newest first. */
  cookieHistory(origin: string, key: string): Promise<HistoryEntry[]>;
  /** Reloads the inspected page. */
  reloadPage(): Promise<void>;
  /** Whether the sides' secrets are behind a passphrase, and whether it is unlocked now. */
  vaultStatus(): Promise<VaultStatus>;
  /** Sets a passphrase: the stored secrets are sealed with it; the vault is then locked. */
  enableVault(passphrase: string): Promise<void>;
  lockVault(): Promise<void>;
  /** False when the passphrase is wrong; unlocked for this browser session otherwise. */
  unlockVault(passphrase: string): Promise<boolean>;
  /** Devtools theme. */
  theme(): "light" | "dark";
  /**
   * The weak-secret audit's workers (one per core, started on first use and reused); absent
   * where the host cannot run them.
   */
  auditPool?(): AuditPool;
}
