/**
 * What the shared-session tests need around the apps: the real Flask app (flask_share_app.py,
 * Debian's python3) as a server, a one-cookie jar that follows Set-Cookie as a browser would,
 * and the story itself (Flask logs in → Node reads → Node changes → Flask reads), written once
 * for the in-repo apps and for the apps a fresh project runs from the packed tarball.
 */
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { type RunningServer, startServer } from "../../demo/server-process.mjs";
import { DEBIAN_PYTHON } from "./pyClient";
import { canonical } from "./typedCompare";

const FLASK_APP = fileURLToPath(new URL("./flask_share_app.py", import.meta.url));

export function startFlaskShareApp(secret: string): Promise<RunningServer> {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("PYTHON")) delete env[name];
  return startServer("flask", DEBIAN_PYTHON, [FLASK_APP, "--secret", secret], {
    env: { ...env, PYTHONDONTWRITEBYTECODE: "1", PYTHONNOUSERSITE: "1" },
  });
}

/** The `session` cookie as a browser keeps it: replaced by each Set-Cookie, gone when deleted. */
export class Jar {
  value: string | undefined;
  /** Every `Set-Cookie: session=…` of the last response. */
  lastSetCookie: string[] = [];
  constructor(value?: string) {
    this.value = value;
  }

  async get(url: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.value !== undefined) headers.cookie = `session=${this.value}`;
    const res = await fetch(url, { headers });
    this.lastSetCookie = res.headers.getSetCookie().filter((h) => h.startsWith("session="));
    for (const line of this.lastSetCookie) {
      const value = line.slice("session=".length).split(";", 1)[0] ?? "";
      this.value = /; Max-Age=0(;|$)/.test(line) ? undefined : value;
    }
    return res;
  }

  async json<T>(url: string): Promise<T> {
    const res = await this.get(url);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  }
}

export interface Whoami {
  status: string;
  types: Record<string, string>;
  values: Record<string, unknown>;
}
export interface FlaskRead {
  session: unknown;
  types: Record<string, string>;
}

/**
 * Flask logs in; the Node app at `nodeUrl` reads user, roles (a tuple) and login_at (a
 * datetime) as JS values, writes nothing on a change-free request, changes `user` and adds a
 * list; Flask then reads the change and still has its tuple and datetime; Node's logout
 * deletes the cookie exactly as Flask's does.
 */
export async function shareSessionBothWays(flaskUrl: string, nodeUrl: string): Promise<void> {
  const jar = new Jar();
  expect((await jar.get(`${flaskUrl}/login?user=alice`)).status).toBe(204);
  expect(jar.value, "Flask set a session cookie").toEqual(expect.any(String));
  const flaskCookie = jar.value;

  const seen = await jar.json<Whoami>(`${nodeUrl}/whoami`);
  expect(seen.status).toBe("valid");
  expect(seen.types).toEqual({ login_at: "Date", roles: "Array", user: "string" });
  expect(seen.values).toEqual({
    login_at: "2024-02-29T12:34:56.000Z",
    roles: ["admin", "editor"],
    user: "alice",
  });
  expect(jar.lastSetCookie, "reading writes nothing").toEqual([]);

  const noop = await jar.get(`${nodeUrl}/noop`);
  expect(noop.headers.get("vary")).toMatch(/\bCookie\b/);
  expect(jar.lastSetCookie, "a change-free request writes nothing").toEqual([]);
  expect(jar.value).toBe(flaskCookie);

  expect((await jar.get(`${nodeUrl}/promote`)).status).toBe(204);
  expect(jar.lastSetCookie).toHaveLength(1);
  expect(jar.lastSetCookie[0]).toMatch(/^session=[\w.-]+; HttpOnly; Path=\/$/);

  const back = await jar.json<FlaskRead>(`${flaskUrl}/read`);
  expect(back.types).toEqual({ login_at: "datetime", roles: "tuple", tags: "list", user: "str" });
  expect(canonical(back.session, true)).toEqual(
    canonical(
      {
        login_at: { $type: "datetime", iso: "2024-02-29T12:34:56+00:00" },
        roles: { $type: "tuple", items: ["admin", "editor"] },
        tags: ["a", "b"],
        user: "bob",
      },
      true,
    ),
  );

  // Logging out on either side deletes the cookie with the same header.
  const flaskSide = new Jar(jar.value);
  await flaskSide.get(`${flaskUrl}/logout`);
  await jar.get(`${nodeUrl}/logout`);
  expect(flaskSide.lastSetCookie).toHaveLength(1);
  expect(jar.lastSetCookie).toEqual(flaskSide.lastSetCookie);
  expect(jar.value).toBeUndefined();
}
