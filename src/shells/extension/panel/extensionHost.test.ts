import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CookieChange } from "../../../model/change";
import { browserCookie } from "../../../model/cookie";
import type { HostEvent } from "../../../shared/host";
import type { PortDownMessage, PortUpMessage, Request } from "../../../shared/protocol";

/** A stand-in for the extension runtime: records messages, lets the test drive the port. */
const fake = vi.hoisted(() => {
  type Listener<T> = (value: T) => void;
  class FakePort {
    readonly posted: unknown[] = [];
    readonly onMessageListeners: Listener<unknown>[] = [];
    readonly onDisconnectListeners: Listener<void>[] = [];
    constructor(readonly name: string) {}
    postMessage(message: unknown) {
      this.posted.push(message);
    }
    disconnect() {}
    onMessage = { addListener: (l: Listener<unknown>) => this.onMessageListeners.push(l) };
    onDisconnect = { addListener: (l: Listener<void>) => this.onDisconnectListeners.push(l) };
    deliver(message: unknown) {
      for (const l of this.onMessageListeners) l(message);
    }
    drop() {
      for (const l of this.onDisconnectListeners) l();
    }
  }
  const state = {
    ports: [] as FakePort[],
    sent: [] as unknown[],
    answer: (_message: unknown): unknown => undefined,
    /** The background's whole reply; by default a success carrying `answer`. */
    reply: undefined as undefined | ((message: unknown) => unknown),
    permissions: undefined as undefined | { request: (p: unknown) => Promise<boolean> },
  };
  const browser = {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const port = new FakePort(name);
        state.ports.push(port);
        return port;
      },
      sendMessage: async (message: unknown): Promise<unknown> => {
        state.sent.push(message);
        return state.reply ? state.reply(message) : { ok: true, value: state.answer(message) };
      },
    },
    get permissions() {
      return state.permissions;
    },
  };
  return { state, browser };
});

vi.mock("webextension-polyfill", () => ({ default: fake.browser }));

const { createExtensionHost } = await import("./extensionHost");
const { offerListings } = await import("../shared/listingHandoff");

const change = (seq: number, at: number, name: string): CookieChange => ({
  seq,
  at,
  removed: false,
  cause: "explicit",
  cookie: browserCookie({ name, value: "v" }),
});

const host = () =>
  createExtensionHost({
    tabId: 7,
    inspectedUrl: async () => "http://127.0.0.1:5000/",
    theme: () => "dark",
  });

beforeEach(() => {
  fake.state.ports = [];
  fake.state.sent = [];
  fake.state.answer = () => undefined;
  fake.state.reply = undefined;
  fake.state.permissions = undefined;
});

describe("createExtensionHost", () => {
  it("lists cookies through the background by tab id, without waiting for devtools' page URL", async () => {
    fake.state.answer = () => ({ kind: "ok", url: "http://127.0.0.1:5000/", cookies: [] });
    await expect(host().listCookies()).resolves.toMatchObject({ kind: "ok" });
    expect(fake.state.sent).toEqual([{ type: "list-cookies", tabId: 7 }]);
  });

  it("passes the page URL devtools sees when the background could not see the tab's URL", async () => {
    fake.state.answer = (message) =>
      (message as { pageUrl?: string }).pageUrl
        ? { kind: "no-permission", url: "http://127.0.0.1:5000/", origin: "http://127.0.0.1:5000" }
        : { kind: "unsupported-page", url: "", reason: "the page has no URL yet" };
    await expect(host().listCookies()).resolves.toMatchObject({ kind: "no-permission" });
    expect(fake.state.sent).toEqual([
      { type: "list-cookies", tabId: 7 },
      { type: "list-cookies", tabId: 7, pageUrl: "http://127.0.0.1:5000/" },
    ]);
  });

  it("names the page by its last navigation once devtools reported one", async () => {
    fake.state.answer = () => ({ kind: "no-permission", url: "", origin: "" });
    const panelHost = host();
    panelHost.subscribe(() => undefined);
    fake.state.ports[0]?.deliver({ type: "navigated", url: "https://app.example.com/login" });
    await panelHost.listCookies();
    expect(fake.state.sent).toEqual([
      { type: "list-cookies", tabId: 7, pageUrl: "https://app.example.com/login" },
    ]);
  });

  it("hears DevTools' navigation itself, so a navigation missed by the background still lists the new page", async () => {
    fake.state.answer = () => ({ kind: "no-permission", url: "", origin: "" });
    let navigate: (url: string) => void = () => undefined;
    const panelHost = createExtensionHost({
      tabId: 7,
      theme: () => "dark",
      onNavigated: (listener) => {
        navigate = listener;
      },
    });
    const events: HostEvent[] = [];
    panelHost.subscribe((event) => events.push(event));
    navigate("https://app.example.com/next"); // the background relays nothing
    expect(events).toEqual([{ type: "navigated", url: "https://app.example.com/next" }]);
    await panelHost.listCookies();
    expect(fake.state.sent).toEqual([
      { type: "list-cookies", tabId: 7, pageUrl: "https://app.example.com/next" },
    ]);
  });

  it("with listEarly, sends the first listing at creation and hands it to the first caller", async () => {
    let listed = 0;
    fake.state.answer = () => ({
      kind: "ok",
      url: `http://127.0.0.1:5000/${++listed}`,
      cookies: [],
    });
    const panelHost = createExtensionHost({ tabId: 7, theme: () => "dark", listEarly: true });
    expect(fake.state.sent).toEqual([{ type: "list-cookies", tabId: 7 }]);
    await expect(panelHost.listCookies()).resolves.toMatchObject({
      url: "http://127.0.0.1:5000/1",
    });
    await expect(panelHost.listCookies()).resolves.toMatchObject({
      url: "http://127.0.0.1:5000/2",
    });
    expect(fake.state.sent).toHaveLength(2);
  });

  it("drops the early listing when the page navigates before anyone asked for it", async () => {
    fake.state.answer = (message) => ({
      kind: "ok",
      url: (message as { pageUrl?: string }).pageUrl ?? "http://127.0.0.1:5000/old",
      cookies: [],
    });
    const panelHost = createExtensionHost({ tabId: 7, theme: () => "dark", listEarly: true });
    panelHost.subscribe(() => undefined);
    fake.state.ports[0]?.deliver({ type: "navigated", url: "http://127.0.0.1:5000/new" });
    await expect(panelHost.listCookies()).resolves.toMatchObject({
      url: "http://127.0.0.1:5000/new",
    });
  });

  it("takes the devtools page's listing for the first rows when asked to", async () => {
    const devtools = offerListings(11);
    devtools.offer({ kind: "ok", url: "http://127.0.0.1:5000/handed", cookies: [] });
    fake.state.reply = () => new Promise(() => {}); // the background never answers here
    const panelHost = createExtensionHost({ tabId: 11, theme: () => "dark", listingHandoff: true });
    await expect(panelHost.handedOffListing?.()).resolves.toMatchObject({
      url: "http://127.0.0.1:5000/handed",
    });
    devtools.close();
  });

  it("stops waiting for a handed-off listing once its own listing arrived", async () => {
    fake.state.answer = () => ({ kind: "ok", url: "http://127.0.0.1:5000/", cookies: [] });
    const panelHost = createExtensionHost({
      tabId: 12,
      theme: () => "dark",
      listEarly: true,
      listingHandoff: true,
    });
    await panelHost.listCookies();
    await expect(panelHost.handedOffListing?.()).resolves.toBeNull();
  });

  it("subscribes on the named port and passes the tab's events to the listener", () => {
    const events: HostEvent[] = [];
    host().subscribe((e) => events.push(e));
    const [port] = fake.state.ports;
    expect(port?.name).toBe("session-lens-panel");
    expect(port?.posted).toEqual([{ type: "subscribe", tabId: 7, replay: true }]);
    const navigated: PortDownMessage = { type: "navigated", url: "http://127.0.0.1:5000/x" };
    port?.deliver(navigated);
    expect(events).toEqual([navigated]);
  });

  it("reconnects when the background stops and replays only the changes it missed", async () => {
    const events: HostEvent[] = [];
    host().subscribe((e) => events.push(e));
    fake.state.ports[0]?.deliver({ type: "cookies-changed", changes: [change(1, 100, "seen")] });
    fake.state.answer = (m) =>
      (m as Request).type === "recent-changes"
        ? // the missed change came in the same millisecond as the one seen: only its number tells
          [change(1, 100, "seen"), change(2, 100, "missed")].filter(
            (c) => c.seq > ((m as { afterSeq?: number }).afterSeq ?? 0),
          )
        : [];
    fake.state.ports[0]?.drop();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(fake.state.ports[1]?.posted).toEqual([
      { type: "subscribe", tabId: 7, replay: false } satisfies PortUpMessage,
    ]);
    expect(fake.state.sent).toContainEqual({ type: "recent-changes", tabId: 7, afterSeq: 1 });
    expect(events[1]).toEqual({ type: "cookies-changed", changes: [change(2, 100, "missed")] });
  });

  it("asks for host access directly where the panel has the permissions API (Chrome)", async () => {
    const request = vi.fn(async () => true);
    fake.state.permissions = { request };
    await expect(host().requestHostPermission("https://app.example.com:8443")).resolves.toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ["https://app.example.com/*"] });
  });

  it("opens the grant window and waits for its answer where it has not (Firefox)", async () => {
    const granted = host().requestHostPermission("https://app.example.com");
    await vi.waitFor(() =>
      expect(fake.state.sent).toContainEqual({
        type: "open-permission-page",
        origin: "https://app.example.com",
      }),
    );
    fake.state.ports[0]?.deliver({
      type: "permission-result",
      origin: "https://app.example.com",
      granted: true,
    });
    await expect(granted).resolves.toBe(true);
  });

  it("turns a background error into a rejection", async () => {
    fake.state.reply = () => ({ ok: false, error: "load-sides failed: x" });
    await expect(host().loadSides("http://127.0.0.1:5000")).rejects.toThrow("load-sides failed");
  });
});
