import { describe, expect, it } from "vitest";
import type { RawWrite } from "./capture";
import { writingRequestPath } from "./writingRequest";

const write = (seq: number, value: string, url: string | null, key = "k"): RawWrite => ({
  seq,
  at: seq,
  identity: { name: "session", domain: "h", path: "/" },
  key,
  value,
  deleted: false,
  cause: null,
  request: url === null ? null : { url, method: "GET", status: 200, startedAt: seq, durationMs: 1 },
  header: null,
  sameResponse: [seq],
  byPanel: false,
  confirmed: true,
});

describe("writingRequestPath", () => {
  it("names the request that wrote the current value, else the newest that wrote the cookie", () => {
    const writes = [
      write(1, "a", "http://h/flask-application/set-session"),
      write(2, "b", "http://h/fastapi-application/set-session"),
      write(3, "c", null),
      write(4, "d", "http://h/other/x", "other-key"),
    ];
    expect(writingRequestPath(writes, "k", "a")).toBe("/flask-application/set-session");
    expect(writingRequestPath(writes, "k", "c")).toBe("/fastapi-application/set-session");
    expect(writingRequestPath(writes, "nope", "a")).toBeNull();
  });
});
