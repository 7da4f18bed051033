import { describe, expect, it } from "vitest";
import { setCookieSeen } from "./harEntry";

const entry = (headers: { name: string; value: string }[]) => ({
  startedDateTime: "2026-01-01T03:25:45.250Z",
  time: 31.5,
  request: { url: "http://127.0.0.1:5000/flask-application/set-session", method: "GET" },
  response: { status: 200, headers },
});

describe("setCookieSeen", () => {
  it("collects every Set-Cookie header, HttpOnly ones included, in any letter case", () => {
    const seen = setCookieSeen(
      entry([
        { name: "content-type", value: "application/json" },
        { name: "Set-Cookie", value: "session=abc; HttpOnly; Path=/" },
        { name: "set-cookie", value: "session.sig=def; Path=/" },
      ]),
      42,
    );
    expect(seen).toEqual({
      request: {
        url: "http://127.0.0.1:5000/flask-application/set-session",
        method: "GET",
        status: 200,
        startedAt: Date.UTC(2026, 0, 1, 3, 25, 45, 250),
        durationMs: 31.5,
      },
      setCookies: ["session=abc; HttpOnly; Path=/", "session.sig=def; Path=/"],
    });
  });
  it("splits headers the browser folded into one value with newlines", () => {
    const seen = setCookieSeen(entry([{ name: "set-cookie", value: "a=1\nb=2\n" }]), 1);
    expect(seen?.setCookies).toEqual(["a=1", "b=2"]);
  });
  it("stamps the request with the HAR entry's own start and duration, not the report time", () => {
    const seen = setCookieSeen(entry([{ name: "set-cookie", value: "a=1" }]), 999);
    expect(seen?.request.startedAt).toBe(Date.parse("2026-01-01T03:25:45.250Z"));
    expect(seen?.request.durationMs).toBe(31.5);
  });
  it("falls back to the given start when the entry has no readable start time", () => {
    const {
      startedDateTime: _s,
      time: _t,
      ...bare
    } = entry([{ name: "set-cookie", value: "a=1" }]);
    const seen = setCookieSeen({ ...bare, startedDateTime: "not a date" }, 999);
    expect(seen?.request.startedAt).toBe(999);
    expect(seen?.request.durationMs).toBe(0);
  });
  it("returns null for a response that sets no cookie", () => {
    expect(setCookieSeen(entry([{ name: "content-type", value: "text/html" }]), 1)).toBeNull();
  });
});
