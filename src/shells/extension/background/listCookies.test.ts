import { beforeEach, describe, expect, it, vi } from "vitest";
import { browserCookie } from "../../../model/cookie";

/** A cookie jar and tab behind a fake cookies/tabs/permissions API with the browsers' filters. */
const fake = vi.hoisted(() => {
  interface JarCookie {
    name: string;
    value: string;
    domain: string;
    path: string;
    hostOnly: boolean;
    secure: boolean;
    httpOnly: boolean;
    sameSite: string;
    session: boolean;
    storeId: string;
    partitionKey?: { topLevelSite?: string };
    firstPartyDomain?: string;
  }
  interface Query {
    url?: string;
    domain?: string;
    storeId?: string;
    partitionKey?: { topLevelSite?: string };
    firstPartyDomain?: string | null;
  }
  const state = {
    /** Firefox's privacy.firstparty.isolate: cookies have a first party, queries must name one. */
    firstPartyIsolate: false,
    /** Answers tabs.get gives before `tab` (a lagging URL after a navigation). */
    staleTabs: [] as { id?: number; url?: string; cookieStoreId?: string }[],
    tab: {} as { id?: number; url?: string; cookieStoreId?: string },
    granted: true,
    extensionUrl: "chrome-extension://abc/",
    jar: [] as JarCookie[],
    queries: [] as Query[],
    session: {} as Record<string, unknown>,
  };
  const bare = (domain: string) => domain.replace(/^\./, "");
  const underDomain = (c: JarCookie, domain: string) =>
    bare(c.domain) === domain || bare(c.domain).endsWith(`.${domain}`);
  const inPartition = (c: JarCookie, key: Query["partitionKey"]) =>
    !c.partitionKey ||
    (key !== undefined && (!key.topLevelSite || key.topLevelSite === c.partitionKey.topLevelSite));
  const browser = {
    tabs: {
      get: async () => {
        // A navigation the tabs API has not caught up with yet: the old URL, then the new one.
        const stale = state.staleTabs.shift();
        return stale ?? state.tab;
      },
    },
    permissions: { contains: async () => state.granted },
    runtime: { getURL: (path: string) => state.extensionUrl + path },
    cookies: {
      getAllCookieStores: async () => [
        { id: "0", tabIds: [1] },
        { id: "1", tabIds: [state.tab.id] },
      ],
      getAll: async (query: Query) => {
        state.queries.push(query);
        if (state.firstPartyIsolate && !("firstPartyDomain" in query)) {
          throw new Error(
            "First-Party Isolation is enabled, but the required 'firstPartyDomain' attribute was not set.",
          );
        }
        return state.jar.filter((c) => {
          const firstParty = query.firstPartyDomain;
          if (typeof firstParty === "string" && (c.firstPartyDomain ?? "") !== firstParty)
            return false;
          if (query.storeId && c.storeId !== query.storeId) return false;
          if (!inPartition(c, query.partitionKey)) return false;
          if (query.domain && !underDomain(c, query.domain)) return false;
          if (query.url) {
            const url = new URL(query.url);
            const hostOk = c.hostOnly
              ? c.domain === url.hostname
              : underDomain(c, bare(c.domain)) && url.hostname.endsWith(bare(c.domain));
            if (!hostOk || !url.pathname.startsWith(c.path)) return false;
          }
          return true;
        });
      },
    },
    storage: {
      session: {
        get: async (key: string) => ({ [key]: state.session[key] }),
        set: async (items: Record<string, unknown>) => Object.assign(state.session, items),
      },
    },
  };
  return { state, browser };
});

vi.mock("webextension-polyfill", () => ({ default: fake.browser }));

const { listCookies } = await import("./listCookies");
const { tabsWatching } = await import("./tracking");

const cookie = (over: Partial<(typeof fake.state.jar)[number]>) => ({
  ...browserCookie({ value: "v", domain: "app.example.com", storeId: "1" }),
  ...over,
});

beforeEach(() => {
  fake.state.tab = { id: 9, url: "https://app.example.com/account" };
  fake.state.granted = true;
  fake.state.extensionUrl = "chrome-extension://abc/";
  fake.state.jar = [];
  fake.state.queries = [];
  fake.state.session = {};
  fake.state.firstPartyIsolate = false;
  fake.state.staleTabs = [];
});

describe("listCookies", () => {
  it("refuses pages that have no web cookies", async () => {
    fake.state.tab = { id: 9, url: "chrome://settings/" };
    await expect(listCookies(9)).resolves.toMatchObject({ kind: "unsupported-page" });
  });

  it("names the origin to ask for when the browser hides the URL for lack of access", async () => {
    fake.state.tab = { id: 9 };
    await expect(listCookies(9, "https://shop.example.org:8443/cart")).resolves.toEqual({
      kind: "no-permission",
      url: "https://shop.example.org:8443/cart",
      origin: "https://shop.example.org:8443",
    });
  });

  it("asks for access when the origin is not granted", async () => {
    fake.state.granted = false;
    await expect(listCookies(9)).resolves.toMatchObject({
      kind: "no-permission",
      origin: "https://app.example.com",
    });
  });

  it("gathers every path, parent-domain and partitioned cookie of the tab's store, once each", async () => {
    const host = cookie({});
    const deeper = cookie({ name: "admin", path: "/admin" });
    const parent = cookie({ domain: ".example.com", hostOnly: false, value: "parent" });
    const partitioned = cookie({
      name: "chips",
      partitionKey: { topLevelSite: "https://example.com" },
    });
    const sibling = cookie({ domain: "other.example.com", name: "other" });
    const otherStore = cookie({ name: "incognito", storeId: "0" });
    fake.state.jar = [host, deeper, parent, partitioned, sibling, otherStore];
    const listing = await listCookies(9);
    expect(listing.kind).toBe("ok");
    const names =
      listing.kind === "ok" ? listing.cookies.map((c) => `${c.name}@${c.domain}${c.path}`) : [];
    expect(names.sort()).toEqual([
      "admin@app.example.com/admin",
      "chips@app.example.com/",
      "session@.example.com/",
      "session@app.example.com/",
    ]);
    const chips =
      listing.kind === "ok" ? listing.cookies.find((c) => c.name === "chips") : undefined;
    expect(chips?.partitionKey).toEqual({ topLevelSite: "https://example.com" });
    expect(fake.state.queries.every((q) => q.storeId === "1")).toBe(true);
    expect(fake.state.queries).toContainEqual({
      domain: "example.com",
      partitionKey: { topLevelSite: "https://example.com" },
      storeId: "1",
    });
  });

  it("uses the tab's container and every partition in Firefox", async () => {
    fake.state.extensionUrl = "moz-extension://abc/";
    fake.state.tab = {
      id: 9,
      url: "https://app.example.com/",
      cookieStoreId: "firefox-container-2",
    };
    fake.state.jar = [
      cookie({ storeId: "firefox-container-2" }),
      cookie({ name: "default-store" }),
    ];
    const listing = await listCookies(9);
    expect(listing.kind === "ok" ? listing.cookies.map((c) => c.name) : []).toEqual(["session"]);
    expect(fake.state.queries).toContainEqual({
      domain: "example.com",
      partitionKey: {},
      storeId: "firefox-container-2",
      firstPartyDomain: null,
    });
  });

  it("lists under Firefox's first-party isolation: the cookies kept for the page's site", async () => {
    fake.state.extensionUrl = "moz-extension://abc/";
    fake.state.firstPartyIsolate = true;
    // The same host's cookie kept for another site that embedded it, listed first.
    fake.state.jar = [
      cookie({ value: "embedded", firstPartyDomain: "other.org" }),
      cookie({ firstPartyDomain: "example.com" }),
    ];
    const listing = await listCookies(9);
    expect(listing.kind === "ok" ? listing.cookies : []).toEqual([
      expect.objectContaining({ name: "session", value: "v", firstPartyDomain: "example.com" }),
    ]);
  });

  it("names no first party in Chrome, which does not know the field", async () => {
    fake.state.jar = [cookie({})];
    await listCookies(9);
    expect(fake.state.queries.some((q) => "firstPartyDomain" in q)).toBe(false);
  });

  it("after a navigation DevTools reported, waits for the tabs API to show the new page", async () => {
    // DevTools' navigated event can come before tabs.get has the new URL: listing the old host
    // then (and tracking it) lost every cookie the new page set afterwards.
    fake.state.staleTabs = [
      { id: 9, url: "https://old.example.org/" },
      { id: 9, url: "https://old.example.org/" },
    ];
    fake.state.jar = [cookie({})];
    const listing = await listCookies(9, "https://app.example.com/account");
    expect(listing).toMatchObject({ kind: "ok", url: "https://app.example.com/account" });
    expect(listing.kind === "ok" ? listing.cookies.map((c) => c.name) : []).toEqual(["session"]);
    expect(await tabsWatching({ ...cookie({}), sameSite: "lax" })).toEqual([9]);
  });

  it("goes by the tabs API when the page DevTools named never shows up", async () => {
    fake.state.tab = { id: 9, url: "https://app.example.com/" };
    const listing = await listCookies(9, "https://elsewhere.example.net/");
    expect(listing).toMatchObject({ kind: "ok", url: "https://app.example.com/" });
  });

  it("tracks the new host before reading its cookies: a change made meanwhile is not lost", async () => {
    fake.state.session["tracked-tabs"] = {
      "9": { host: "old.example.org", storeId: "1", names: ["session"], panelOpen: true },
    };
    fake.state.jar = [];
    // The page sets its cookie while the listing reads the jar (after the navigation): the
    // change's lookup, made then, must find the tab on its new host.
    const getAll = fake.browser.cookies.getAll;
    let watchingMeanwhile: Promise<number[]> | undefined;
    fake.browser.cookies.getAll = async (query) => {
      watchingMeanwhile ??= tabsWatching({ ...cookie({}), sameSite: "lax" });
      return getAll(query);
    };
    try {
      await listCookies(9);
    } finally {
      fake.browser.cookies.getAll = getAll;
    }
    expect(await watchingMeanwhile).toEqual([9]);
  });

  it("remembers the tab's host and cookie names for change tracking", async () => {
    fake.state.jar = [cookie({})];
    await listCookies(9);
    // The answer does not wait for the write; a change read in order after it sees the tab.
    expect(await tabsWatching({ ...cookie({}), sameSite: "lax" })).toEqual([9]);
    expect(fake.state.session["tracked-tabs"]).toEqual({
      "9": { host: "app.example.com", storeId: "1", names: ["session"], panelOpen: true },
    });
  });
});
