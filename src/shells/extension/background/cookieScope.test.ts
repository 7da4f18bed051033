import { describe, expect, it } from "vitest";
import { type BrowserCookie, browserCookie } from "../../../model/cookie";
import {
  cookieAppliesToHost,
  dedupeCookies,
  keptForTopLevelHost,
  parentDomainChain,
  registrableDomain,
  topLevelSite,
  unsupportedReason,
} from "./cookieScope";

function cookie(over: Partial<BrowserCookie>): BrowserCookie {
  return browserCookie({ value: "v", domain: "example.com", ...over });
}

describe("parentDomainChain", () => {
  it("walks from the host to the registrable domain", () => {
    expect(parentDomainChain("a.b.example.com")).toEqual([
      "a.b.example.com",
      "b.example.com",
      "example.com",
    ]);
  });
  it("stops above a country registry such as co.uk", () => {
    expect(parentDomainChain("www.shop.example.co.uk")).toEqual([
      "www.shop.example.co.uk",
      "shop.example.co.uk",
      "example.co.uk",
    ]);
  });
  it("keeps IP addresses and single-label hosts whole", () => {
    expect(parentDomainChain("127.0.0.1")).toEqual(["127.0.0.1"]);
    expect(parentDomainChain("[::1]")).toEqual(["[::1]"]);
    expect(parentDomainChain("localhost")).toEqual(["localhost"]);
    expect(registrableDomain("App.Example.COM")).toBe("example.com");
  });
});

describe("keptForTopLevelHost (Firefox first-party isolation)", () => {
  it("takes every cookie when the browser isolates nothing", () => {
    expect(keptForTopLevelHost({}, "app.example.com")).toBe(true);
  });
  it("takes the cookies kept for the page's own site, from its host or a parent", () => {
    expect(keptForTopLevelHost({ firstPartyDomain: "example.com" }, "app.example.com")).toBe(true);
    expect(keptForTopLevelHost({ firstPartyDomain: "example.com" }, "example.com")).toBe(true);
    expect(keptForTopLevelHost({ firstPartyDomain: "127.0.0.1" }, "127.0.0.1")).toBe(true);
    expect(keptForTopLevelHost({ firstPartyDomain: "[::1]" }, "[::1]")).toBe(true);
  });
  it("leaves out what is kept for another site (the host embedded there)", () => {
    expect(keptForTopLevelHost({ firstPartyDomain: "other.org" }, "app.example.com")).toBe(false);
    expect(keptForTopLevelHost({ firstPartyDomain: "ample.com" }, "example.com")).toBe(false);
  });
});

describe("cookieAppliesToHost", () => {
  it("sends domain cookies of parent domains to subdomains", () => {
    expect(
      cookieAppliesToHost(cookie({ domain: ".example.com", hostOnly: false }), "a.example.com"),
    ).toBe(true);
  });
  it("keeps host-only cookies to their exact host", () => {
    expect(
      cookieAppliesToHost(cookie({ domain: "example.com", hostOnly: true }), "a.example.com"),
    ).toBe(false);
    expect(
      cookieAppliesToHost(cookie({ domain: "example.com", hostOnly: true }), "example.com"),
    ).toBe(true);
  });
  it("never sends a sibling's or a child's cookie", () => {
    expect(
      cookieAppliesToHost(cookie({ domain: ".b.example.com", hostOnly: false }), "a.example.com"),
    ).toBe(false);
    expect(
      cookieAppliesToHost(cookie({ domain: "badexample.com", hostOnly: false }), "example.com"),
    ).toBe(false);
  });
  it("matches IPv6 hosts with or without brackets", () => {
    expect(cookieAppliesToHost(cookie({ domain: "::1" }), "[::1]")).toBe(true);
    expect(cookieAppliesToHost(cookie({ domain: "127.0.0.1" }), "127.0.0.1")).toBe(true);
  });
});

describe("topLevelSite and unsupportedReason", () => {
  it("drops the port and subdomains from the partition site", () => {
    expect(topLevelSite(new URL("https://a.example.com:8443/x"))).toBe("https://example.com");
    expect(topLevelSite(new URL("http://127.0.0.1:5000/"))).toBe("http://127.0.0.1");
  });
  it("refuses non-web pages and the extension stores", () => {
    expect(unsupportedReason(new URL("chrome://settings"))).toMatch(/chrome pages/);
    expect(unsupportedReason(new URL("https://addons.mozilla.org/en-US/"))).toMatch(/store/);
    expect(unsupportedReason(new URL("https://chrome.google.com/webstore/x"))).toMatch(/store/);
    expect(unsupportedReason(new URL("http://127.0.0.1:5000/"))).toBeNull();
  });
});

describe("dedupeCookies", () => {
  it("keeps one cookie per (name, domain, path, partition)", () => {
    const host = cookie({});
    const deeper = cookie({ path: "/app" });
    const partitioned = cookie({ partitionKey: { topLevelSite: "https://example.com" } });
    expect(dedupeCookies([host, deeper, { ...host, value: "dup" }, partitioned])).toEqual([
      host,
      deeper,
      partitioned,
    ]);
  });
});
