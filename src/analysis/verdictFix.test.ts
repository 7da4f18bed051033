import { describe, expect, it } from "vitest";
import { fastapiApp, flaskApp, flaskValue, makeSide, NOW } from "../../test/support/mountedApps";
import type { FormatId } from "../codec/types";
import { checkAgreement } from "./agreement";
import { pathSnippet, renameSnippet, shareFormatSnippets } from "./fixes";
import { verdictFix } from "./verdictFix";

const fixFor = (sides = [flaskApp, fastapiApp], path = "/", value = flaskValue()) =>
  verdictFix(checkAgreement({ name: "session", value, path }, sides, { now: NOW }));

describe("verdictFix", () => {
  it("offers a rename, paths of their own and starlette-flask for Flask and FastAPI on /", () => {
    const fix = fixFor();
    expect(fix?.options.map((o) => o.kind)).toEqual(["rename", "path", "share-format"]);
    expect(fix?.options[0]?.snippets.map((s) => s.label)).toEqual([
      "Flask app (Flask config)",
      "FastAPI app (Starlette / FastAPI)",
    ]);
  });

  it("asks for one rename between two apps, and all but one among three", () => {
    expect(fixFor()?.options[0]?.title).toBe(
      "Give one app a cookie name of its own (either Flask app or FastAPI app):",
    );
    const node = makeSide({ ...fastapiApp, id: "node", label: "Node app", pathPrefix: "/node" });
    expect(fixFor([flaskApp, fastapiApp, node])?.options[0]?.title).toBe(
      "Give all apps but one a cookie name of its own (any 2 of Flask app, FastAPI app and Node app):",
    );
  });

  it("leaves out the path fix when one app is served from /", () => {
    const root = makeSide({ ...fastapiApp, pathPrefix: "/" });
    expect(fixFor([flaskApp, root])?.options.map((o) => o.kind)).toEqual([
      "rename",
      "share-format",
    ]);
  });

  it("has no format to share between Django and Flask", () => {
    const django = makeSide({ id: "dj", label: "Django app", format: "django", pathPrefix: "/dj" });
    const withSecret = { ...django, secret: { value: "d", encoding: "utf8" as const } };
    expect(fixFor([flaskApp, withSecret])?.options.map((o) => o.kind)).toEqual(["rename", "path"]);
  });

  it("says where the secret lives when no side verifies the cookie, and nothing when all read it", () => {
    const wrong = makeSide({ ...flaskApp, secret: { value: "nope", encoding: "utf8" } });
    expect(fixFor([wrong])?.summary).toContain("`SECRET_KEY`");
    expect(fixFor([flaskApp])).toBeNull();
    expect(fixFor([flaskApp, fastapiApp], "/fastapi-application")).toBeNull();
  });
});

describe("fix snippets", () => {
  const side = (format: FormatId) =>
    makeSide({ id: format, label: "Blog app", format, pathPrefix: "/blog" });

  it("renames and restricts the path in each framework's words", () => {
    const table = (["django", "cookie-session", "express-session", "itsdangerous"] as const).map(
      (f) => [renameSnippet(side(f)).code, pathSnippet(side(f)).code],
    );
    expect(table).toEqual([
      ['SESSION_COOKIE_NAME = "blog_session"', 'SESSION_COOKIE_PATH = "/blog"'],
      [
        'app.use(cookieSession({ name: "blog_session", keys }))',
        'app.use(cookieSession({ path: "/blog", keys }))',
      ],
      [
        'app.use(session({ name: "blog_session", secret }))',
        'app.use(session({ secret, cookie: { path: "/blog" } }))',
      ],
      [
        'response.set_cookie("blog_session", value)',
        'response.set_cookie("session", value, path="/blog")',
      ],
    ]);
  });

  it("shares Flask's format only when a Flask side is there to share it", () => {
    expect(shareFormatSnippets([side("starlette"), side("cookie-session")])).toEqual([]);
    const both = shareFormatSnippets([flaskApp, side("starlette"), side("express-session")]);
    expect(both.map((s) => s.label)).toEqual([
      "Blog app (starlette-flask: Flask's cookie format)",
      "Blog app (sessionlens/express or sessionlens/hono: Flask's cookie format)",
    ]);
  });
});
