/**
 * Realistic data for the inline shell: the migration setup Session Lens is for. One origin mounts
 * a Flask app at /flask-application, a FastAPI app at /fastapi-application and a Node app at
 * /node-application (the sides are the demo's own, demo/sides.mjs); their cookies are real, made
 * by the codec's signSession with the demo secrets, so the panel decodes and verifies them
 * exactly as it would cookies from the running demo apps.
 */
import {
  DEMO_SECRET,
  fastapiAppSide,
  flaskAppSide,
  NODE_DEMO_KEY,
  nodeAppSide,
} from "../../../demo/sides.mjs";
import { signSession } from "../../codec";
import {
  dict,
  pyBigInt,
  pyBytes,
  pyDateTime,
  pyFloat,
  pyMarkup,
  pyTuple,
  pyUuid,
  type Value,
} from "../../codec/value";
import { type BrowserCookie, browserCookie } from "../../model/cookie";
import type { Side } from "../../model/side";

export const DEMO_ORIGIN = "http://127.0.0.1:8000";
export const DEMO_URL = `${DEMO_ORIGIN}/flask-application/dashboard`;
/** The demo apps' secrets (public, demo only); Flask and FastAPI share one, as in the demo. */
export const DEMO_SECRETS = {
  flask: DEMO_SECRET,
  fastapi: DEMO_SECRET,
  nodeNew: NODE_DEMO_KEY,
  nodeOld: `${NODE_DEMO_KEY}-retired`,
} as const;

export type ScenarioName = "mounted-apps" | "agreeing" | "empty";

export interface Scenario {
  url: string;
  cookies: BrowserCookie[];
  sides: Side[];
}

export function demoCookie(
  name: string,
  value: string,
  extra: Partial<BrowserCookie> = {},
): BrowserCookie {
  return browserCookie({ name, value, ...extra });
}

/** A Flask session with every tagged type a Flask app can put in it. */
export function flaskSessionData(): Value {
  return dict([
    ["_flashes", [pyTuple(["message", "Signed in as ada"])]],
    ["_permanent", true],
    ["avatar_hash", pyBytes(new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x27]))],
    ["big_counter", pyBigInt(18446744073709551617n)],
    ["cart", pyTuple([3, 7])],
    ["last_login", pyDateTime(Date.UTC(2024, 1, 29, 12, 34, 56) / 1000)],
    ["motto", pyMarkup("<b>ship it</b>")],
    ["ratio", pyFloat(1)],
    ["request_id", pyUuid("1b4e28ba2d1111d29cb500c04fd430c8")],
    ["user_id", 42],
  ]);
}

export const flaskSide = (overrides: Partial<Side> = {}): Side => flaskAppSide(overrides);
export const fastapiSide = (overrides: Partial<Side> = {}): Side => fastapiAppSide(overrides);

/**
 * The Node app here is mounted on the same origin under its own cookie name and is halfway
 * through a key rotation (its cookies are still signed with the old key), so the panel shows a
 * fallback-key verdict beside the race.
 */
export const nodeSide = (): Side =>
  nodeAppSide({
    cookieName: "node_session",
    pathPrefix: "/node-application",
    fallbacks: [{ value: DEMO_SECRETS.nodeOld, encoding: "utf8" }],
  });

/** The Flask-signed `session` cookie on path / (what Flask writes after a login). */
export function flaskCookie(nowSeconds: number): BrowserCookie {
  const { value } = signSession("flask", flaskSessionData(), {
    secret: DEMO_SECRETS.flask,
    timestamp: nowSeconds - 3 * 3600,
  });
  return demoCookie("session", value);
}

/** Starlette's default max_age, which it also sends as the cookie's Max-Age. */
const STARLETTE_MAX_AGE = 14 * 86_400;

/**
 * What the FastAPI app writes: Starlette-signed, here with its path set to its mount point, and
 * kept by the browser for Starlette's 14 days (Flask's cookie lasts only the browser session).
 */
export function starletteCookie(nowSeconds: number, path = "/fastapi-application"): BrowserCookie {
  const data = dict([
    ["visits", 3],
    ["user", "ada"],
  ]);
  const { value } = signSession("starlette", data, {
    secret: DEMO_SECRETS.fastapi,
    timestamp: nowSeconds - 600,
  });
  return demoCookie("session", value, {
    path,
    session: false,
    expirationDate: nowSeconds + STARLETTE_MAX_AGE,
  });
}

function nodeCookies(): BrowserCookie[] {
  const data = dict([
    ["userId", 7],
    ["roles", ["admin", "editor"]],
  ]);
  const { value, sig } = signSession("cookie-session", data, {
    secret: DEMO_SECRETS.nodeOld,
    name: "node_session",
  });
  return [demoCookie("node_session", value), demoCookie("node_session.sig", sig ?? "")];
}

export function buildScenario(name: ScenarioName, nowSeconds: number): Scenario {
  if (name === "empty") return { url: DEMO_URL, cookies: [], sides: [flaskSide(), fastapiSide()] };
  if (name === "agreeing") {
    // FastAPI mounted with starlette-flask: Flask's signer, untagged JSON, no expiry check
    // (docs/formats.md §10).
    const sharing = fastapiSide({
      format: "flask",
      secret: { value: DEMO_SECRETS.flask, encoding: "utf8" },
      options: { untagged: true, maxAge: null },
    });
    return { url: DEMO_URL, cookies: [flaskCookie(nowSeconds)], sides: [flaskSide(), sharing] };
  }
  return {
    url: DEMO_URL,
    cookies: [
      flaskCookie(nowSeconds),
      starletteCookie(nowSeconds),
      ...nodeCookies(),
      demoCookie("theme", "dark", { httpOnly: false, sameSite: "unspecified" }),
      demoCookie("embed_pref", "compact", {
        secure: true,
        sameSite: "no_restriction",
        partitionKey: { topLevelSite: "https://partner.example", hasCrossSiteAncestor: true },
      }),
    ],
    sides: [flaskSide(), fastapiSide(), nodeSide()],
  };
}
