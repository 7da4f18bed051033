/**
 * Capture: Set-Cookie sightings joined with cookies.onChanged into one write per change of the
 * jar, keyed by (name, domain, path, partition).
 */
import { describe, expect, it } from "vitest";
import type { CookieChange, SetCookieSeen } from "../../../src/model/change";
import { type BrowserCookie, browserCookie } from "../../../src/model/cookie";
import { captureWrites } from "../../../src/timeline/capture";
import { parseSetCookie } from "../../../src/timeline/setCookieHeader";

const cookie = (value: string, over: Partial<BrowserCookie> = {}): BrowserCookie =>
  browserCookie({ value, ...over });
const change = (
  seq: number,
  removed: boolean,
  cause: string,
  value: string,
  over = {},
): CookieChange => ({
  seq,
  at: 1000 + seq,
  removed,
  cause,
  cookie: cookie(value, over),
});
const all = { named: () => true, shaped: () => true };
const sighting = (seq: number, ...setCookies: string[]): SetCookieSeen => ({
  seq,
  request: {
    url: "http://127.0.0.1:8000/app/login",
    method: "POST",
    status: 200,
    startedAt: 900,
    durationMs: 50,
  },
  setCookies,
});

describe("captureWrites", () => {
  it("an update (removal for overwrite, then insert) is one write", () => {
    const writes = captureWrites(
      {
        seen: [],
        changes: [change(1, true, "overwrite", "old"), change(2, false, "explicit", "new")],
        hasChangeFeed: true,
      },
      all,
    );
    expect(writes.map((w) => [w.seq, w.value, w.deleted])).toEqual([[2, "new", false]]);
  });

  it("an insert that matches a Set-Cookie confirms it instead of adding a row; timing is the HAR entry's", () => {
    const writes = captureWrites(
      {
        seen: [sighting(5, "a=1", "session=new; Path=/")],
        changes: [change(3, false, "explicit", "new")],
        hasChangeFeed: true,
      },
      all,
    );
    expect(writes).toHaveLength(2);
    const w = writes.find((x) => x.identity.name === "session");
    expect(w?.seq).toBe(6); // the sighting's seq plus the header's index
    expect(w?.confirmed).toBe(true);
    expect(w?.at).toBe(950);
    expect(w?.request?.method).toBe("POST");
  });

  it("a header the jar never confirmed is marked so; a HAR (no change feed) says nothing", () => {
    const live = captureWrites(
      { seen: [sighting(1, "session=x; Path=/")], changes: [], hasChangeFeed: true },
      all,
    );
    const har = captureWrites(
      { seen: [sighting(1, "session=x; Path=/")], changes: [], hasChangeFeed: false },
      all,
    );
    expect(live[0]?.confirmed).toBe(false);
    expect(har[0]?.confirmed).toBeNull();
  });

  it("removals keep their cause; panel writes are marked; paths are keyed apart", () => {
    const writes = captureWrites(
      {
        seen: [],
        changes: [
          { ...change(1, false, "explicit", "v1"), byPanel: true },
          change(2, false, "explicit", "v2", { path: "/app" }),
          change(3, true, "expired", "v1"),
        ],
        hasChangeFeed: true,
      },
      all,
    );
    expect(writes.map((w) => [w.seq, w.byPanel, w.deleted, w.cause, w.identity.path])).toEqual([
      [1, true, false, null, "/"],
      [2, false, false, null, "/app"],
      [3, false, true, "expired", "/"],
    ]);
    expect(writes[0]?.key).not.toBe(writes[1]?.key);
  });

  it("several Set-Cookie for one cookie in one response stay in order and know each other", () => {
    const writes = captureWrites(
      {
        seen: [sighting(10, "session=a; Path=/", "session=b; Path=/")],
        changes: [],
        hasChangeFeed: false,
      },
      all,
    );
    expect(writes.map((w) => [w.seq, w.value, w.sameResponse])).toEqual([
      [10, "a", [10, 11]],
      [11, "b", [10, 11]],
    ]);
  });
});

describe("parseSetCookie", () => {
  it("reads Domain (leading dot, as the cookies API writes it), Max-Age and Partitioned", () => {
    const h = parseSetCookie(
      "sid=1; Domain=Example.com; Max-Age=0; Partitioned; Secure",
      "https://a.example.com/x/y",
    );
    expect(h?.identity).toEqual({
      name: "sid",
      domain: ".example.com",
      path: "/x",
      partitionKey: { topLevelSite: "https://a.example.com" },
    });
    expect(h?.maxAge).toBe(0);
    expect(parseSetCookie("novalue", "http://x/")).toBeNull();
  });
});
