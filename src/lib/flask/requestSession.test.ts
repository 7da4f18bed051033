import { describe, expect, it } from "vitest";
import { readCookie } from "./cookieHeader";
import { type FlaskSessionOptions, resolveOptions } from "./options";
import { RequestSession, varyWithCookie } from "./requestSession";
import { dumpFlaskSession, type FlaskSession } from "./session";

const NOW = 1_700_000_000;
const BASE: FlaskSessionOptions = { secret: "k", now: () => NOW };
const cookieFor = (session: FlaskSession, o: Partial<FlaskSessionOptions> = {}) =>
  `session=${dumpFlaskSession(session, { ...BASE, ...o })}`;
const open = (header: string | undefined, o: Partial<FlaskSessionOptions> = {}) =>
  new RequestSession(header, resolveOptions({ ...BASE, ...o }));
const sessionOf = (r: RequestSession) => r.session as FlaskSession;

describe("RequestSession writes as Flask's save_session does", () => {
  it("nothing, and no Vary, when the route never touches the session", () => {
    expect(open(cookieFor({ user: "a" })).finish()).toEqual({ setCookie: null, vary: false });
  });

  it("nothing but Vary when the session is only read", () => {
    const r = open(cookieFor({ user: "a", cart: [1] }));
    expect(sessionOf(r).user).toBe("a");
    sessionOf(r).user = "a"; // the same value: no change
    expect(r.finish()).toEqual({ setCookie: null, vary: true });
  });

  it("a nested change counts (Flask would need session.modified = True)", () => {
    const r = open(cookieFor({ cart: [1] }));
    (sessionOf(r).cart as number[]).push(2);
    const { setCookie } = r.finish();
    expect(setCookie).toBe(`${cookieFor({ cart: [1, 2] })}; HttpOnly; Path=/`);
  });

  it("emptied: deleted as werkzeug's delete_cookie writes it; replaced by null: the same", () => {
    const deleted = "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/";
    const a = open(cookieFor({ user: "a" }));
    delete sessionOf(a).user;
    expect(a.finish()).toEqual({ setCookie: deleted, vary: true });
    const b = open(cookieFor({ user: "a" }));
    b.session = null;
    expect(b.finish().setCookie).toBe(deleted);
    const c = open(undefined);
    c.session = {};
    expect(c.finish()).toEqual({ setCookie: null, vary: true }); // was empty, stays empty
  });

  it("permanent: Expires = now + maxAge, re-sent unless refreshEachRequest is off", () => {
    const header = cookieFor({ _permanent: true, user: "a" });
    const line = open(header, { maxAge: 60 }).finish().setCookie;
    expect(line).toMatch(/; Expires=Tue, 14 Nov 2023 22:14:20 GMT; HttpOnly; Path=\/$/);
    expect(open(header, { refreshEachRequest: false }).finish().setCookie).toBeNull();
  });

  it("every cookie attribute in werkzeug's order", () => {
    const r = open(undefined, {
      cookie: {
        domain: "example.com",
        secure: true,
        sameSite: "lax",
        partitioned: true,
        path: "/app",
      },
    });
    sessionOf(r).user = "a";
    expect(r.finish().setCookie).toMatch(
      /^session=[\w.-]+; Domain=example\.com; Secure; HttpOnly; Partitioned; Path=\/app; SameSite=Lax$/,
    );
  });

  it("a replacement spread from the session keeps the Python types it had", () => {
    const r = open(cookieFor({ user: "a" }));
    r.session = { ...sessionOf(r), n: 1 };
    expect(r.finish().setCookie).toBe(`${cookieFor({ user: "a", n: 1 })}; HttpOnly; Path=/`);
  });

  it("status: absent without a cookie, the codec's verdict otherwise", () => {
    expect(open(undefined).status).toBe("absent");
    expect(open("session=x.y.z").status).toBe("bad_signature");
    expect(open(cookieFor({ a: 1 }), { secret: "other" }).status).toBe("bad_signature");
    expect(open(`other=1; ${cookieFor({ a: 1 })}`).status).toBe("valid");
  });
});

describe("headers and options", () => {
  it("readCookie takes the first cookie of that name", () => {
    expect(readCookie("a=1; session=x; session=y", "session")).toBe("x");
    expect(readCookie("sessionx=1", "session")).toBeUndefined();
    expect(readCookie(undefined, "session")).toBeUndefined();
  });

  it("Vary gets Cookie once", () => {
    expect(varyWithCookie(undefined)).toBe("Cookie");
    expect(varyWithCookie("Accept")).toBe("Accept, Cookie");
    expect(varyWithCookie("accept, cookie")).toBe("accept, cookie");
  });

  it.each([
    [{}, /`secret` is required/],
    [{ secret: "" }, /`secret` is required/],
    [{ secret: "k", fallbacks: [""] }, /fallbacks\[0\]/],
    [{ secret: "k", cookieName: "a b" }, /not a valid cookie name/],
    [{ secret: "k", maxAge: Number.NaN }, /maxAge must be a number/],
    [{ secret: "k", cookie: { sameSite: "sometimes" } }, /sameSite must be/],
    [{ secret: "k", cookie: { path: "/a;b" } }, /cookie.path/],
  ])("refuses %o at start-up", (options, message) => {
    expect(() => resolveOptions(options as FlaskSessionOptions)).toThrow(message);
  });
});
