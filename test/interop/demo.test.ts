/**
 * The demo reproduces the real problem: real Flask, Starlette and cookie-session servers
 * (demo/start.mjs) driven over HTTP with one cookie jar, as a browser would keep it (cookies
 * ignore ports, so the Python and Node apps share it). Broken: each app rejects the others'
 * `session` cookie and overwrites it. Fixed: Flask and FastAPI share one format, Node moves away.
 * Shared: the Node app shares Flask's own cookie through sessionlens/express. Outer: Starlette's
 * SessionMiddleware around the whole Python app answers a Flask write with a second Set-Cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoSide } from "../../demo/sides.mjs";
import { type RunningDemo, startDemo } from "../../demo/start.mjs";
import { decodeCookie, type Status } from "../../src/codec";

/** A minimal browser-like jar for one host: name → value, deletions honoured. */
class CookieJar {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<{ body: unknown; setCookies: string[] }> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    expect(response.status, url).toBe(200);
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) this.absorb(header);
    return { body: await response.json(), setCookies };
  }

  private absorb(header: string): void {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const expired = attributes.some(
      (a) =>
        /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
    );
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(eq + 1));
  }
}

/** What the panel would say about the jar's cookie, given the side the demo declares. */
function statusFor(side: DemoSide | undefined, jar: CookieJar): Status {
  if (side?.secret?.encoding !== "utf8") throw new Error("demo sides have utf8 secrets");
  const value = jar.cookies.get(side.cookieName) ?? "";
  const sig = jar.cookies.get(`${side.cookieName}.sig`);
  const options = { ...side.options, secret: side.secret.value, name: side.cookieName, sig };
  return decodeCookie(side.format, value, options).status;
}

const sideById = (demo: RunningDemo, id: string) => demo.sides.find((side) => side.id === id);

const names = (setCookies: string[]) => setCookies.map((header) => header.split("=", 1)[0]);
const FLASK_COOKIE = /^session=\.?[\w-]+\.[\w-]{6,7}\.[\w-]{27}; HttpOnly; Path=\/$/;
const STARLETTE_COOKIE =
  /^session=eyJ[A-Za-z0-9+/]+={0,2}\.[\w-]{6,7}\.[\w-]{27}; path=\/; Max-Age=1209600; httponly; samesite=lax$/;

describe("broken demo", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ variant: "broken" });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it("serves a root page that links every route", async () => {
    const html = await (await fetch(`${demo.pythonUrl}/`)).text();
    expect(html).toContain('href="/flask-application/set-session"');
    expect(html).toContain('href="/fastapi-application/get-session"');
    expect(html).toContain(`href="${demo.nodeUrl}/"`);
  });

  it("Flask and FastAPI reject each other's `session` and the last writer wins", async () => {
    const jar = new CookieJar();
    const py = demo.pythonUrl;
    const flaskLogin = await jar.get(`${py}/flask-application/set-session?user=alice`);
    expect(flaskLogin.setCookies).toEqual([expect.stringMatching(FLASK_COOKIE)]);
    expect(await jar.get(`${py}/flask-application/get-session`)).toMatchObject({
      body: { user: "alice", roles: ["reader", "editor"] },
    });

    const fastapiRead = await jar.get(`${py}/fastapi-application/get-session`);
    expect(fastapiRead).toEqual({ body: {}, setCookies: [] }); // rejected, left in place

    const fastapiLogin = await jar.get(`${py}/fastapi-application/set-session?user=bob`);
    expect(fastapiLogin.setCookies).toEqual([expect.stringMatching(STARLETTE_COOKIE)]);
    const starletteValue = jar.cookies.get("session");

    expect(await jar.get(`${py}/flask-application/get-session`)).toEqual({
      body: {},
      setCookies: [],
    });
    expect(jar.cookies.get("session")).toBe(starletteValue); // Flask logged out, Starlette's cookie stays

    // Starlette 0.26 re-signs a non-empty session on every response, even a read.
    const reread = await jar.get(`${py}/fastapi-application/get-session`);
    expect(reread.body).toMatchObject({ user: "bob", counter: 1 });
    expect(reread.setCookies).toEqual([expect.stringMatching(STARLETTE_COOKIE)]);
  });

  it("the Node app writes `session` + `session.sig` into the same jar and loses them to Flask", async () => {
    const jar = new CookieJar();
    const nodeLogin = await jar.get(`${demo.nodeUrl}/set-session?user=dave`);
    expect(names(nodeLogin.setCookies)).toEqual(["session", "session.sig"]);
    expect(await jar.get(`${demo.pythonUrl}/flask-application/get-session`)).toEqual({
      body: {},
      setCookies: [],
    });

    await jar.get(`${demo.pythonUrl}/flask-application/set-session?user=alice`);
    expect(jar.cookies.has("session.sig")).toBe(true); // stale: Flask knows nothing of it
    const nodeRead = await jar.get(`${demo.nodeUrl}/get-session`);
    expect(nodeRead.body).toEqual({});
    expect(nodeRead.setCookies).toEqual([
      expect.stringMatching(/^session\.sig=; path=\/; expires=Thu, 01 Jan 1970/),
    ]);
    expect(jar.cookies.has("session.sig")).toBe(false);
  });

  it("the declared sides verify exactly the app that wrote the cookie", async () => {
    const jar = new CookieJar();
    const [flask, fastapi, node] = ["flask-app", "fastapi-app", "node-app"].map((id) =>
      sideById(demo, id),
    );
    const statuses = () => [flask, fastapi, node].map((side) => statusFor(side, jar));
    await jar.get(`${demo.pythonUrl}/flask-application/set-session`);
    expect(statuses()).toEqual(["valid", "bad_signature", "bad_signature"]);
    await jar.get(`${demo.pythonUrl}/fastapi-application/set-session`);
    expect(statuses()).toEqual(["bad_signature", "valid", "bad_signature"]);
    await jar.get(`${demo.nodeUrl}/set-session`);
    expect(statuses()).toEqual(["bad_signature", "bad_signature", "valid"]);
  });
});

describe("fixed demo", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ variant: "fixed" });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it("Flask and FastAPI share one Flask-format session", async () => {
    const jar = new CookieJar();
    const py = demo.pythonUrl;
    await jar.get(`${py}/flask-application/set-session?user=alice&counter=5`);
    const fastapiRead = await jar.get(`${py}/fastapi-application/get-session`);
    expect(fastapiRead.body).toMatchObject({ user: "alice", counter: 5 });
    expect(fastapiRead.setCookies).toEqual([]); // unchanged, so not re-sent

    const fastapiWrite = await jar.get(`${py}/fastapi-application/set-session?user=carol`);
    expect(fastapiWrite.setCookies).toEqual([
      expect.stringMatching(/^session=\.?[\w-]+\.[\w-]{6,7}\.[\w-]{27}; Max-Age=2678400; path=\/;/),
    ]);
    // Flask reads FastAPI's cookie; the tuple tag FastAPI passed through untouched is a tuple again.
    expect((await jar.get(`${py}/flask-application/get-session`)).body).toMatchObject({
      user: "carol",
      counter: 6,
      roles: ["reader", "editor"],
    });

    await jar.get(`${py}/fastapi-application/delete-session`);
    expect(jar.cookies.has("session")).toBe(false);
    expect((await jar.get(`${py}/flask-application/get-session`)).body).toEqual({});
  });

  it("the Node app uses its own `node_session` cookie and leaves Flask's alone", async () => {
    const jar = new CookieJar();
    await jar.get(`${demo.pythonUrl}/flask-application/set-session?user=alice`);
    const nodeLogin = await jar.get(`${demo.nodeUrl}/set-session?user=dave`);
    expect(names(nodeLogin.setCookies)).toEqual(["node_session", "node_session.sig"]);
    expect((await jar.get(`${demo.nodeUrl}/get-session`)).body).toMatchObject({ user: "dave" });
    expect((await jar.get(`${demo.pythonUrl}/flask-application/get-session`)).body).toMatchObject({
      user: "alice",
    });
  });

  it("the Flask and FastAPI sides both verify the one cookie, whoever wrote it", async () => {
    const jar = new CookieJar();
    const [flask, fastapi] = [sideById(demo, "flask-app"), sideById(demo, "fastapi-app")];
    await jar.get(`${demo.pythonUrl}/fastapi-application/set-session`);
    expect([statusFor(flask, jar), statusFor(fastapi, jar)]).toEqual(["valid", "valid"]);
    await jar.get(`${demo.pythonUrl}/flask-application/set-session`);
    expect([statusFor(flask, jar), statusFor(fastapi, jar)]).toEqual(["valid", "valid"]);
  });

  it("declares the sides the panel needs: FastAPI as untagged Flask, Node as node_session", () => {
    const byId = Object.fromEntries(demo.sides.map((side) => [side.id, side]));
    expect(byId["fastapi-app"]).toMatchObject({ format: "flask", options: { untagged: true } });
    expect(byId["node-app"]).toMatchObject({ cookieName: "node_session", origin: demo.nodeUrl });
  });
});

describe("shared demo", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ variant: "shared" });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it("the Node app (sessionlens/express) shares Flask's own cookie both ways", async () => {
    const jar = new CookieJar();
    await jar.get(`${demo.pythonUrl}/flask-application/set-session?user=alice&counter=5`);
    const nodeRead = await jar.get(`${demo.nodeUrl}/get-session`);
    expect(nodeRead.body).toMatchObject({ user: "alice", counter: 5, roles: ["reader", "editor"] });
    expect(nodeRead.setCookies).toEqual([]); // read only: nothing re-sent

    const nodeWrite = await jar.get(`${demo.nodeUrl}/set-session?user=dave`);
    expect(nodeWrite.setCookies).toEqual([expect.stringMatching(FLASK_COOKIE)]);
    // Flask reads Node's cookie: the tuple and the datetime Node left alone are still theirs.
    const flaskRead = await jar.get(`${demo.pythonUrl}/flask-application/get-session`);
    expect(flaskRead.body).toMatchObject({ user: "dave", counter: 6, roles: ["reader", "editor"] });
    expect(String((flaskRead.body as Record<string, unknown>).login_time)).toMatch(/ GMT$/);

    await jar.get(`${demo.nodeUrl}/delete-session`);
    expect(jar.cookies.has("session")).toBe(false);
  });

  it("every side verifies the one cookie, whoever wrote it", async () => {
    const jar = new CookieJar();
    const sides = ["flask-app", "fastapi-app", "node-app"].map((id) => sideById(demo, id));
    const all = () => sides.map((side) => statusFor(side, jar));
    for (const url of [
      `${demo.pythonUrl}/flask-application/set-session`,
      `${demo.nodeUrl}/set-session`,
      `${demo.pythonUrl}/fastapi-application/set-session`,
    ]) {
      await jar.get(url);
      expect(all(), url).toEqual(["valid", "valid", "valid"]);
    }
    expect(sideById(demo, "node-app")).toMatchObject({ format: "flask", cookieName: "session" });
  });
});

describe("outer demo", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ variant: "outer" });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it("a Flask write answers with two `session` Set-Cookie once FastAPI's session is non-empty", async () => {
    const jar = new CookieJar();
    const py = demo.pythonUrl;
    // An empty outer session writes nothing: Flask's header is the only one.
    const alone = await jar.get(`${py}/flask-application/set-session?user=alice`);
    expect(alone.setCookies).toEqual([expect.stringMatching(FLASK_COOKIE)]);

    const fastapiLogin = await jar.get(`${py}/fastapi-application/set-session?user=bob`);
    expect(fastapiLogin.setCookies).toEqual([expect.stringMatching(STARLETTE_COOKIE)]);
    const starletteValue = jar.cookies.get("session");

    // Starlette 0.26 re-sends its unchanged session after Flask's: two headers, its own last.
    const flaskLogin = await jar.get(`${py}/flask-application/set-session?user=carol`);
    expect(flaskLogin.body).toMatchObject({ user: "carol" });
    expect(flaskLogin.setCookies).toEqual([
      expect.stringMatching(FLASK_COOKIE),
      expect.stringMatching(STARLETTE_COOKIE),
    ]);
    expect(jar.cookies.get("session")).toBe(starletteValue);
    expect((await jar.get(`${py}/flask-application/get-session`)).body).toEqual({});
    expect((await jar.get(`${py}/fastapi-application/get-session`)).body).toMatchObject({
      user: "bob",
    });
  });

  it("declares the broken demo's sides: FastAPI still signs Starlette's own format", async () => {
    const fastapi = sideById(demo, "fastapi-app");
    expect(fastapi).toMatchObject({ format: "starlette", cookieName: "session" });
    const jar = new CookieJar();
    await jar.get(`${demo.pythonUrl}/fastapi-application/set-session`);
    expect(statusFor(fastapi, jar)).toBe("valid");
    expect(statusFor(sideById(demo, "flask-app"), jar)).toBe("bad_signature");
  });
});

describe("startDemo lifecycle", () => {
  it("stop() ends both servers, so their ports refuse connections", async () => {
    const demo = await startDemo();
    expect(demo.variant).toBe("broken");
    await demo.stop();
    await expect(fetch(`${demo.pythonUrl}/`)).rejects.toThrow();
    await expect(fetch(`${demo.nodeUrl}/`)).rejects.toThrow();
  });

  it("rejects an unknown variant before starting anything", async () => {
    // @ts-expect-error: checking the run-time guard for JS callers
    await expect(startDemo({ variant: "half-fixed" })).rejects.toThrow(
      /"broken", "fixed", "shared" or "outer"/,
    );
  });
});
