import { describe, expect, it } from "vitest";
import { browserCookie } from "../../../model/cookie";
import { type TrackedTab, watches } from "./trackedTab";

const tab: TrackedTab = { host: "127.0.0.1", storeId: "0", names: ["session"], panelOpen: false };
const cookie = browserCookie({ value: "v" });

describe("watches", () => {
  it("records listed names while the panel is closed, and everything while it is open", () => {
    expect(watches(tab, cookie)).toBe(true);
    expect(watches(tab, { ...cookie, name: "other" })).toBe(false);
    expect(watches({ ...tab, panelOpen: true }, { ...cookie, name: "other" })).toBe(true);
  });
  it("ignores other hosts and other cookie stores (containers, private windows)", () => {
    expect(watches({ ...tab, panelOpen: true }, { ...cookie, domain: "example.com" })).toBe(false);
    expect(watches(tab, { ...cookie, storeId: "firefox-container-1" })).toBe(false);
  });
  it("under Firefox's first-party isolation, records only cookies kept for the tab's site", () => {
    expect(watches(tab, { ...cookie, firstPartyDomain: "127.0.0.1" })).toBe(true);
    // The same host's cookie, kept for another site that embedded it.
    expect(watches(tab, { ...cookie, firstPartyDomain: "example.org" })).toBe(false);
  });
});
