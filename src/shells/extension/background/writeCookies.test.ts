import { beforeEach, describe, expect, it, vi } from "vitest";
import { type BrowserCookie, browserCookie } from "../../../model/cookie";

/** A cookie jar behind a fake cookies API that stores what `set` is given, like a browser would. */
const fake = vi.hoisted(() => {
  const state = {
    jar: [] as Record<string, unknown>[],
    local: {} as Record<string, unknown>,
    session: {} as Record<string, unknown>,
    /** Names the fake browser refuses (as if a rule the panel does not know applied). */
    refuse: new Set<string>(),
    /** Names the fake browser stores without HttpOnly (an altered read-back). */
    dropHttpOnly: new Set<string>(),
    sets: [] as Record<string, unknown>[],
    removes: [] as Record<string, unknown>[],
    /** Firefox's privacy.firstparty.isolate: every call must name the cookie's first party. */
    firstPartyIsolate: false,
  };
  const needFirstParty = (d: Record<string, unknown>) => {
    if (state.firstPartyIsolate && !("firstPartyDomain" in d)) {
      throw new Error(
        "First-Party Isolation is enabled, but the required 'firstPartyDomain' attribute was not set.",
      );
    }
  };
  const keyOf = (c: Record<string, unknown>) =>
    [
      c.name,
      c.domain,
      c.path,
      (c.partitionKey as { topLevelSite?: string } | undefined)?.topLevelSite ?? "",
      c.storeId,
      c.firstPartyDomain ?? "",
    ].join("|");
  const browser = {
    cookies: {
      set: async (d: Record<string, unknown>) => {
        state.sets.push(d);
        needFirstParty(d);
        if (state.refuse.has(d.name as string))
          throw new Error('Failed to parse or set cookie named "' + d.name + '".');
        const url = new URL(d.url as string);
        const stored = {
          name: d.name,
          value: d.value,
          domain: d.domain ?? url.hostname,
          hostOnly: d.domain === undefined,
          path: d.path,
          secure: d.secure,
          httpOnly: state.dropHttpOnly.has(d.name as string) ? false : d.httpOnly,
          sameSite: d.sameSite ?? "unspecified",
          session: d.expirationDate === undefined,
          storeId: d.storeId,
          ...(d.expirationDate === undefined ? {} : { expirationDate: d.expirationDate }),
          ...(d.partitionKey ? { partitionKey: d.partitionKey } : {}),
          ...(d.firstPartyDomain ? { firstPartyDomain: d.firstPartyDomain } : {}),
        };
        state.jar = [...state.jar.filter((c) => keyOf(c) !== keyOf(stored)), stored];
        return stored;
      },
      getAll: async (q: { name: string; storeId: string; firstPartyDomain?: string }) => {
        needFirstParty(q);
        return state.jar.filter(
          (c) =>
            c.name === q.name &&
            c.storeId === q.storeId &&
            (c.firstPartyDomain ?? "") === (q.firstPartyDomain ?? ""),
        );
      },
      remove: async (d: { name: string }) => {
        state.removes.push(d);
        needFirstParty(d);
        state.jar = state.jar.filter((c) => c.name !== d.name);
      },
    },
    storage: {
      local: {
        get: async (key: string) => ({ [key]: state.local[key] }),
        set: async (items: Record<string, unknown>) => Object.assign(state.local, items),
      },
      session: {
        get: async (key: string) => ({ [key]: state.session[key] }),
        set: async (items: Record<string, unknown>) => Object.assign(state.session, items),
      },
    },
  };
  return { state, browser };
});
vi.mock("webextension-polyfill", () => ({ default: fake.browser }));
const { writeCookies } = await import("./writeCookies");
const { cookieHistory } = await import("./historyStore");
const { markPanelChange } = await import("./panelWrites");

const PAGE = "http://127.0.0.1:3000/";
const cookie = (over: Partial<BrowserCookie>): BrowserCookie =>
  browserCookie({
    value: "old",
    sameSite: "strict",
    session: false,
    expirationDate: 1_900_000_000,
    ...over,
  });
const session = cookie({});
const sig = cookie({ name: "session.sig", value: "oldsig" });
const jarValues = () => Object.fromEntries(fake.state.jar.map((c) => [c.name, c.value]));

beforeEach(() => {
  fake.state.jar = [{ ...session }, { ...sig }];
  fake.state.local = {};
  fake.state.session = {};
  fake.state.refuse = new Set();
  fake.state.dropHttpOnly = new Set();
  fake.state.sets = [];
  fake.state.removes = [];
  fake.state.firstPartyIsolate = false;
});

describe("writeCookies", () => {
  it("writes a cookie-session pair together, reads both back and files the old pair", async () => {
    const outcome = await writeCookies(PAGE, [
      { current: session, next: { ...session, value: "new" } },
      { current: sig, next: { ...sig, value: "newsig" } },
    ]);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.written.map((c) => c.value)).toEqual(["new", "newsig"]);
    expect(jarValues()).toEqual({ session: "new", "session.sig": "newsig" });
    expect(fake.state.sets[0]).not.toHaveProperty("domain");
    expect(fake.state.sets[0]).toMatchObject({
      sameSite: "strict",
      httpOnly: true,
      expirationDate: 1_900_000_000,
    });
    const history = await cookieHistory(
      "http://127.0.0.1:3000",
      "session\u0000127.0.0.1\u0000/\u0000",
    );
    expect(history).toHaveLength(1);
    expect(history[0]?.cookies.map((c) => c.value)).toEqual(["old", "oldsig"]);
  });

  it("writes neither cookie when one would be refused (oversize), and says why", async () => {
    const outcome = await writeCookies(PAGE, [
      { current: session, next: { ...session, value: "x".repeat(5000) } },
      { current: sig, next: { ...sig, value: "newsig" } },
    ]);
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/over 4096 bytes/) });
    expect(fake.state.sets).toEqual([]);
    expect(jarValues()).toEqual({ session: "old", "session.sig": "oldsig" });
  });

  it("refuses Secure on a plain-http site without touching the jar", async () => {
    const outcome = await writeCookies("http://app.test/", [
      { current: session, next: { ...session, value: "new", secure: true } },
    ]);
    expect(outcome.ok).toBe(false);
    expect(fake.state.sets).toEqual([]);
  });

  it("puts the first cookie back when the browser refuses the second", async () => {
    fake.state.refuse.add("session.sig");
    const outcome = await writeCookies(PAGE, [
      { current: session, next: { ...session, value: "new" } },
      { current: sig, next: { ...sig, value: "newsig" } },
    ]);
    expect(outcome).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /refused session\.sig: Failed to parse.*Neither cookie was changed/,
      ),
    });
    expect(jarValues()).toEqual({ session: "old", "session.sig": "oldsig" });
    expect(fake.state.local).toEqual({});
  });

  it("reports a read-back that differs and restores the original", async () => {
    fake.state.dropHttpOnly.add("session");
    const outcome = await writeCookies(PAGE, [
      { current: session, next: { ...session, value: "new" } },
    ]);
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/HttpOnly changed/) });
    expect(jarValues().session).toBe("old");
  });

  it("writes and reads back under Firefox's first-party isolation, naming the first party", async () => {
    fake.state.firstPartyIsolate = true;
    const isolated = { ...session, firstPartyDomain: "127.0.0.1" };
    fake.state.jar = [{ ...isolated }];
    const outcome = await writeCookies(PAGE, [
      { current: isolated, next: { ...isolated, value: "new" } },
    ]);
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.state.sets[0]).toMatchObject({ value: "new", firstPartyDomain: "127.0.0.1" });
    expect(outcome.ok && outcome.written[0]?.firstPartyDomain).toBe("127.0.0.1");
    expect(jarValues()).toEqual({ session: "new" });
  });

  it("removes what it created, naming the first party, when a later write is refused", async () => {
    fake.state.firstPartyIsolate = true;
    fake.state.jar = [];
    fake.state.refuse.add("session.sig");
    const fresh = { ...session, firstPartyDomain: "127.0.0.1" };
    const outcome = await writeCookies(PAGE, [
      { current: null, next: { ...fresh, value: "new" } },
      { current: null, next: { ...fresh, name: "session.sig", value: "newsig" } },
    ]);
    expect(outcome.ok).toBe(false);
    expect(fake.state.removes).toContainEqual(
      expect.objectContaining({ name: "session", firstPartyDomain: "127.0.0.1" }),
    );
    expect(jarValues()).toEqual({});
  });

  it("marks the changes the panel made, and only those", async () => {
    await writeCookies(PAGE, [{ current: session, next: { ...session, value: "new" } }]);
    const at = Date.now();
    const ours = await markPanelChange({
      at,
      removed: false,
      cause: "explicit",
      cookie: { ...session, value: "new" },
    });
    const overwrite = await markPanelChange({
      at,
      removed: true,
      cause: "overwrite",
      cookie: session,
    });
    const app = await markPanelChange({
      at,
      removed: false,
      cause: "explicit",
      cookie: { ...session, value: "app" },
    });
    expect(ours.byPanel).toBe(true);
    expect(overwrite.byPanel).toBe(true);
    expect(app).not.toHaveProperty("byPanel");
  });
});
