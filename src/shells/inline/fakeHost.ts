/**
 * An in-memory PanelHost: a cookie jar, per-origin sides and a permission switch, with methods
 * to play the browser's part (set or remove a cookie and emit the change). The inline shell and
 * the UI tests run the real panel over it, so neither needs an extension.
 */

import { AuditPool } from "../../audit/coordinator";
import { inProcessPort } from "../../audit/inProcess";
import type { CookieChange, RequestTiming } from "../../model/change";
import {
  type BrowserCookie,
  browserCookie,
  type CookieListing,
  cookieKey,
} from "../../model/cookie";
import {
  type CookieWrite,
  refusalReason,
  type WriteOutcome,
  writtenMessage,
} from "../../model/cookieWrite";
import { pushHistory, type SiteHistory } from "../../model/history";
import { PREFERENCES_KEY, readPreferences } from "../../model/preferences";
import type { Side } from "../../model/side";
import type { HostEvent, PanelHost } from "../../shared/host";
import {
  enableVault,
  type KeyValueStore,
  lockVault,
  readSides,
  unlockVault,
  vaultStatus,
  writeSides,
} from "../../shared/vault";
import { deletes, parseSetCookie } from "../../timeline/setCookieHeader";
import { buildScenario, type ScenarioName } from "./scenario";

export interface FakeHostOptions {
  scenario?: ScenarioName;
  /** "denied": listings say no-permission until requestHostPermission grants it. */
  permission?: "granted" | "denied";
  /** What requestHostPermission answers (default true). */
  grantOnRequest?: boolean;
  /** Pretend the inspected page is one extensions can't read (chrome://…). */
  unsupported?: boolean;
  theme?: "light" | "dark";
  /** Sides stored for the page's origin instead of the scenario's. */
  sides?: Side[];
  /** Clock for the scenario's signing times, ms. */
  now?: number;
  /** What storage.local holds under PREFERENCES_KEY at the start (any value: it is read defensively). */
  preferences?: unknown;
}

export interface FakeHost extends PanelHost {
  /** Deliver an event to every subscriber. */
  emit(event: HostEvent): void;
  /** Store (or replace, by name/domain/path/partition) a cookie and report the change. */
  setCookie(cookie: BrowserCookie, cause?: string): void;
  removeCookie(cookie: BrowserCookie, cause?: string): void;
  /**
   * Play a response the way the browser reports it: each Set-Cookie applied to the jar
   * (cookies.onChanged, an update as removal + insert), then the devtools sighting, numbered
   * from the same counter (one number per header).
   */
  respond(request: RequestTiming, setCookies: string[]): void;
  cookies(): BrowserCookie[];
  /** Origins passed to requestHostPermission, in order. */
  readonly permissionRequests: string[];
  /** What saveSides stored, per origin. */
  readonly savedSides: Map<string, Side[]>;
  /** How many times reloadPage was called. */
  readonly reloads: () => number;
  /** What the fake storage.local holds now (the vault test looks for plaintext secrets here). */
  readonly storedLocal: () => Record<string, unknown>;
}

/** A Map playing one storage area. */
function memoryStore(
  initial: [string, unknown][] = [],
): KeyValueStore & { all(): Record<string, unknown> } {
  const map = new Map(initial);
  return {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => {
      map.set(key, structuredClone(value));
    },
    remove: async (key) => {
      map.delete(key);
    },
    keys: async () => [...map.keys()],
    all: () => structuredClone(Object.fromEntries(map)),
  };
}

const clone = <T>(v: T): T => structuredClone(v);

export function createFakeHost(opts: FakeHostOptions = {}): FakeHost {
  const now = opts.now ?? Date.now();
  const scenario = buildScenario(opts.scenario ?? "mounted-apps", Math.floor(now / 1000));
  const url = opts.unsupported ? "chrome://settings/" : scenario.url;
  const origin = new URL(scenario.url).origin;
  const jar = new Map(scenario.cookies.map((c) => [cookieKey(c), c]));
  const savedSides = new Map<string, Side[]>([[origin, opts.sides ?? scenario.sides]]);
  const listeners = new Set<(event: HostEvent) => void>();
  const scenarioTemplate = browserCookie({ domain: new URL(scenario.url).hostname });
  const changes: CookieChange[] = [];
  let seq = 0;
  const permissionRequests: string[] = [];
  let permitted = opts.permission !== "denied";
  const histories = new Map<string, SiteHistory>();
  const local = memoryStore([
    [`sides:${origin}`, opts.sides ?? scenario.sides],
    ...(opts.preferences !== undefined
      ? [[PREFERENCES_KEY, opts.preferences] as [string, unknown]]
      : []),
  ]);
  const stores = { local, session: memoryStore() };
  let reloads = 0;

  const report = (cookie: BrowserCookie, removed: boolean, cause: string, byPanel = false) => {
    const change: CookieChange = {
      seq: ++seq,
      at: Date.now(),
      removed,
      cause,
      cookie: clone(cookie),
      ...(byPanel ? { byPanel: true as const } : {}),
    };
    changes.push(change);
    host.emit({ type: "cookies-changed", changes: [change] });
  };

  let auditPool: AuditPool | null = null;
  const host: FakeHost = {
    async listCookies(): Promise<CookieListing> {
      if (opts.unsupported) {
        return {
          kind: "unsupported-page",
          url,
          reason: "Extensions cannot access browser pages such as chrome://.",
        };
      }
      if (!permitted) return { kind: "no-permission", url, origin };
      return { kind: "ok", url, cookies: [...jar.values()].map(clone) };
    },
    async requestHostPermission(asked) {
      permissionRequests.push(asked);
      const granted = opts.grantOnRequest ?? true;
      if (granted) permitted = true;
      return granted;
    },
    async recentChanges() {
      return changes.map(clone);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    loadSides: (forOrigin) => readSides(stores, forOrigin),
    loadPreferences: async () => readPreferences(await local.get(PREFERENCES_KEY)),
    async savePreferences(preferences) {
      await local.set(PREFERENCES_KEY, readPreferences(preferences));
    },
    async saveSides(forOrigin, sides) {
      savedSides.set(forOrigin, clone(sides));
      await writeSides(stores, forOrigin, sides);
    },
    vaultStatus: () => vaultStatus(stores),
    enableVault: (passphrase) => enableVault(stores, passphrase),
    lockVault: () => lockVault(stores),
    unlockVault: (passphrase) => unlockVault(stores, passphrase),
    storedLocal: () => local.all(),
    async writeCookies(pageUrl: string, writes: CookieWrite[]): Promise<WriteOutcome> {
      // The same rules the background applies before cookies.set (src/model/cookieWrite.ts).
      if (writes.length === 0) return { ok: false, reason: "There was nothing to write." };
      for (const { next } of writes) {
        const reason = refusalReason(next, pageUrl);
        if (reason) return { ok: false, reason };
      }
      for (const { next } of writes) {
        jar.set(cookieKey(next), clone(next));
        report(next, false, "explicit", true);
      }
      const site = new URL(pageUrl).origin;
      histories.set(site, pushHistory(histories.get(site) ?? {}, writes, Date.now()));
      const written = writes.map(({ next }) => clone(next));
      return { ok: true, written, message: writtenMessage(written) };
    },
    async cookieHistory(site, key) {
      return clone(histories.get(site)?.[key] ?? []);
    },
    async reloadPage() {
      reloads += 1;
    },
    theme: () => opts.theme ?? "light",
    auditPool: () => {
      auditPool ??= new AuditPool([inProcessPort(), inProcessPort()], () => performance.now());
      return auditPool;
    },
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
    setCookie(cookie, cause = "explicit") {
      jar.set(cookieKey(cookie), clone(cookie));
      report(cookie, false, cause);
    },
    removeCookie(cookie, cause = "explicit") {
      jar.delete(cookieKey(cookie));
      report(cookie, true, cause);
    },
    respond(request, setCookies) {
      const end = request.startedAt + request.durationMs;
      for (const text of setCookies) {
        const header = parseSetCookie(text, request.url);
        if (!header) continue;
        const id = header.identity;
        const old = jar.get(cookieKey(id));
        if (deletes(header, end) || header.value === "") {
          if (old) host.removeCookie(old, "expired_overwrite");
          continue;
        }
        if (header.name.length + header.value.length > 4096) continue; // the browser refuses it
        const cookie: BrowserCookie = {
          ...(old ?? scenarioTemplate),
          name: header.name,
          value: header.value,
          domain: id.domain,
          path: id.path,
          hostOnly: header.hostOnly,
          httpOnly: header.attributes.includes("httponly"),
        };
        if (old) report(old, true, "overwrite");
        host.setCookie(cookie);
      }
      host.emit({ type: "set-cookie-seen", seen: { seq: seq + 1, request, setCookies } });
      seq += Math.max(setCookies.length, 1);
    },
    cookies: () => [...jar.values()].map(clone),
    permissionRequests,
    savedSides,
    reloads: () => reloads,
  };
  return host;
}

/** Options from the inline page's query: ?scenario=agreeing&permission=denied&page=unsupported&theme=dark */
export function optionsFromQuery(search: string): FakeHostOptions {
  const q = new URLSearchParams(search);
  const scenario = q.get("scenario");
  const opts: FakeHostOptions = {};
  if (scenario === "agreeing" || scenario === "empty" || scenario === "mounted-apps")
    opts.scenario = scenario;
  if (q.get("permission") === "denied") opts.permission = "denied";
  if (q.get("grant") === "no") opts.grantOnRequest = false;
  if (q.get("page") === "unsupported") opts.unsupported = true;
  const theme = q.get("theme");
  if (theme === "dark" || theme === "light") opts.theme = theme;
  return opts;
}
