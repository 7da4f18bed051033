import { describe, expect, it } from "vitest";
import { setCookieSeen } from "./setCookieHeaders";

const entry = (headers: { name: string; value: string }[]) => ({
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
      at: 42,
      url: "http://127.0.0.1:5000/flask-application/set-session",
      method: "GET",
      status: 200,
      setCookies: ["session=abc; HttpOnly; Path=/", "session.sig=def; Path=/"],
    });
  });
  it("splits headers the browser folded into one value with newlines", () => {
    const seen = setCookieSeen(entry([{ name: "set-cookie", value: "a=1\nb=2\n" }]), 1);
    expect(seen?.setCookies).toEqual(["a=1", "b=2"]);
  });
  it("returns null for a response that sets no cookie", () => {
    expect(setCookieSeen(entry([{ name: "content-type", value: "text/html" }]), 1)).toBeNull();
  });
});
