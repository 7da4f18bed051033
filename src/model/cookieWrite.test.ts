import { describe, expect, it } from "vitest";
import { type BrowserCookie, browserCookie } from "./cookie";
import { readBackMismatch, refusalReason, setDetails } from "./cookieWrite";

const base = browserCookie({ value: "eyJ1c2VyIjoiYWxpY2UifQ.Z4.sig" });
const cookie = (over: Partial<BrowserCookie>): BrowserCookie => ({ ...base, ...over });
const PAGE = "http://127.0.0.1:8000/flask-application/";

describe("setDetails keeps every attribute", () => {
  const scopes: Partial<BrowserCookie>[] = [
    { hostOnly: true, domain: "app.example.com" },
    { hostOnly: false, domain: ".example.com" },
  ];
  const lifetimes: Partial<BrowserCookie>[] = [
    { session: true },
    { session: false, expirationDate: 1_900_000_000.5 },
  ];
  const partitions: Partial<BrowserCookie>[] = [
    {},
    { partitionKey: { topLevelSite: "https://example.com", hasCrossSiteAncestor: false } },
    // Firefox with first-party isolation keeps each cookie for one top-level site.
    { firstPartyDomain: "example.com" },
  ];
  const sameSites: BrowserCookie["sameSite"][] = ["no_restriction", "lax", "strict", "unspecified"];
  const cases = scopes.flatMap((scope) =>
    lifetimes.flatMap((life) =>
      partitions.flatMap((partition) =>
        [true, false].flatMap((secure) =>
          [true, false].flatMap((httpOnly) =>
            sameSites.map((sameSite) =>
              cookie({
                ...scope,
                ...life,
                ...partition,
                secure,
                httpOnly,
                sameSite,
                path: "/app",
                storeId: "firefox-container-2",
              }),
            ),
          ),
        ),
      ),
    ),
  );

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("%s", (_name, c) => {
    const d = setDetails(c, "https://app.example.com/app/page");
    expect(d.name).toBe(c.name);
    expect(d.value).toBe(c.value);
    expect(d.path).toBe("/app");
    expect(d.secure).toBe(c.secure);
    expect(d.httpOnly).toBe(c.httpOnly);
    expect(d.storeId).toBe("firefox-container-2");
    // Host-only cookies are written without `domain`; domain cookies keep theirs.
    expect("domain" in d).toBe(!c.hostOnly);
    if (!c.hostOnly) expect(d.domain).toBe(".example.com");
    expect(new URL(d.url).hostname).toBe(c.domain.replace(/^\./, ""));
    expect(new URL(d.url).pathname).toBe("/app");
    expect(d.sameSite).toBe(c.sameSite === "unspecified" ? undefined : c.sameSite);
    expect(d.expirationDate).toBe(c.session ? undefined : c.expirationDate);
    expect(d.partitionKey).toEqual(c.partitionKey);
    expect(d.firstPartyDomain).toBe(c.firstPartyDomain);
  });

  it("writes a Secure cookie through https and an IPv6 host in brackets", () => {
    expect(setDetails(cookie({ secure: true }), PAGE).url).toBe("https://127.0.0.1/");
    expect(setDetails(cookie({ domain: "::1" }), "http://[::1]:8000/").url).toBe("http://[::1]/");
  });
});

describe("refusalReason says why a browser would refuse", () => {
  it("accepts the cookie as listed", () => {
    expect(refusalReason(base, PAGE)).toBeNull();
    expect(refusalReason(cookie({ secure: true }), "http://localhost:5000/")).toBeNull();
  });
  it("refuses a cookie over 4096 bytes, counting the name", () => {
    expect(refusalReason(cookie({ value: "a".repeat(4089) }), PAGE)).toBeNull();
    expect(refusalReason(cookie({ value: "a".repeat(4090) }), PAGE)).toMatch(
      /session would be 4097 bytes .*over 4096 bytes/,
    );
  });
  it("refuses Secure on an http page that is not localhost", () => {
    expect(refusalReason(cookie({ secure: true }), "http://app.test:8000/")).toMatch(
      /Secure but the page is served over http:\/\/app\.test:8000/,
    );
  });
  it("applies the __Host- and __Secure- prefix rules", () => {
    const host = cookie({ name: "__Host-session", secure: true });
    expect(refusalReason(host, "https://a.test/")).toBeNull();
    expect(refusalReason({ ...host, path: "/app" }, "https://a.test/")).toMatch(/Path=\//);
    expect(refusalReason({ ...host, hostOnly: false }, "https://a.test/")).toMatch(/no Domain/);
    expect(refusalReason(cookie({ name: "__Secure-s" }), "https://a.test/")).toMatch(
      /must be Secure/,
    );
  });
  it("refuses a partitioned cookie that is not Secure, and a value with a semicolon", () => {
    const chips = cookie({ partitionKey: { topLevelSite: "http://127.0.0.1" } });
    expect(refusalReason(chips, PAGE)).toMatch(/partitioned/);
    expect(refusalReason(cookie({ value: "a;b" }), PAGE)).toMatch(/semicolon/);
  });
});

describe("readBackMismatch", () => {
  it("accepts the same cookie and names each difference", () => {
    expect(readBackMismatch(base, { ...base })).toBeNull();
    expect(readBackMismatch(base, undefined)).toMatch(/has no such cookie/);
    expect(readBackMismatch(base, { ...base, value: "x", httpOnly: false })).toMatch(
      /not as written: the value, HttpOnly changed/,
    );
    const partitioned = cookie({ partitionKey: { topLevelSite: "https://a.test" }, secure: true });
    expect(readBackMismatch(partitioned, { ...partitioned, partitionKey: undefined })).toMatch(
      /the partition \(none instead of https:\/\/a\.test\)/,
    );
  });
});
