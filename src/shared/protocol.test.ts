import { describe, expect, it } from "vitest";
import { isRequest, originPermissionPattern, request } from "./protocol";

describe("request", () => {
  it("unwraps a successful reply", async () => {
    const send = async () => ({ ok: true, value: { granted: true } });
    await expect(
      request(send, { type: "permission-status", origin: "http://127.0.0.1:5000" }),
    ).resolves.toEqual({ granted: true });
  });
  it("turns an error reply or no reply into a rejection naming the problem", async () => {
    const failing = async () => ({ ok: false, error: "list-cookies failed: no tab" });
    await expect(request(failing, { type: "list-cookies", tabId: 1 })).rejects.toThrow("no tab");
    const silent = async () => undefined;
    await expect(request(silent, { type: "recent-changes", tabId: 1 })).rejects.toThrow(
      "no answer from the background to recent-changes",
    );
  });
});

describe("originPermissionPattern", () => {
  it("drops the port, which match patterns cannot carry", () => {
    expect(originPermissionPattern("http://127.0.0.1:5000")).toBe("http://127.0.0.1/*");
    expect(originPermissionPattern("https://app.example.com")).toBe("https://app.example.com/*");
    expect(originPermissionPattern("http://[::1]:8000")).toBe("http://[::1]/*");
  });
});

describe("isRequest", () => {
  it("accepts the protocol's requests and nothing else", () => {
    expect(isRequest({ type: "load-sides", origin: "http://localhost" })).toBe(true);
    expect(isRequest({ type: "something-else" })).toBe(false);
    expect(isRequest(null)).toBe(false);
    expect(isRequest("list-cookies")).toBe(false);
  });
});
