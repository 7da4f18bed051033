import { describe, expect, it } from "vitest";
import {
  fastapiApp,
  flaskApp,
  flaskValue,
  makeSide,
  NOW,
  starletteValue,
} from "../../test/support/mountedApps";
import { checkAgreement } from "./agreement";
import { verdictSentence } from "./verdict";

const verdictFor = (value: string, sides = [flaskApp, fastapiApp], path = "/", name = "session") =>
  verdictSentence(checkAgreement({ name, value, path }, sides, { now: NOW }), { now: NOW });

describe("verdictSentence", () => {
  it("names the signer, the side that can't read it, and the overwrite race", () => {
    expect(verdictFor(flaskValue())).toBe(
      "FastAPI app cannot read this cookie: it was signed by Flask app (salt cookie-session). " +
        "Both apps write `session` on path /, so each will overwrite the other.",
    );
  });

  it("names Starlette's salt and derivation, and leaves out the race when the path reaches one app", () => {
    expect(verdictFor(starletteValue(), [flaskApp, fastapiApp], "/fastapi-application")).toBe(
      "Flask app cannot read this cookie: it was signed by FastAPI app (salt itsdangerous.Signer, django-concat).",
    );
  });

  it("says when every side accepts", () => {
    const sharing = makeSide({
      ...fastapiApp,
      format: "flask",
      secret: flaskApp.secret,
      options: { untagged: true, maxAge: null },
    });
    expect(verdictFor(flaskValue(), [flaskApp, sharing])).toBe(
      "All 2 sides accept this cookie: Flask app and FastAPI app read the same session.",
    );
    expect(verdictFor(flaskValue(), [flaskApp])).toBe("Flask app accepts this cookie.");
  });

  it("says the logins are separate when the other apps keep cookies of their own", () => {
    const own = makeSide({ ...fastapiApp, cookieName: "fastapi_session" });
    const node = makeSide({
      id: "n",
      label: "Node app",
      format: "cookie-session",
      cookieName: "n",
    });
    expect(verdictFor(flaskValue(), [flaskApp, own, node])).toBe(
      "Flask app accepts this cookie. FastAPI app and Node app keep their own cookies " +
        "(`fastapi_session`, `n`), so the logins are separate: three sessions, and signing in " +
        "to one app does not sign the user in to the other.",
    );
    const wrong = makeSide({ ...flaskApp, secret: { value: "nope", encoding: "utf8" } });
    expect(verdictFor(flaskValue(), [wrong, own])).not.toContain("separate");
  });

  it("says what can't be checked for want of a secret", () => {
    const { secret: _s, ...unset } = fastapiApp;
    expect(verdictFor(flaskValue(), [flaskApp, { ...unset, format: "flask" }])).toBe(
      "Flask app accepts this cookie. The rest can't be checked: no secret for FastAPI app.",
    );
    expect(verdictFor(flaskValue(), [{ ...unset, format: "flask" }])).toBe(
      "This cookie can't be checked: no secret for FastAPI app.",
    );
  });

  it("explains an expiry with the side's max_age", () => {
    const strict = makeSide({ ...flaskApp, options: { maxAge: 3600 } });
    expect(verdictFor(flaskValue(NOW - 7200), [strict])).toBe(
      "Flask app rejects this cookie as expired: its max_age of 1 h ran out 1 h ago.",
    );
  });

  it("says no secret verifies it when no side accepts", () => {
    const wrong = makeSide({ ...flaskApp, secret: { value: "nope", encoding: "utf8" } });
    expect(verdictFor(flaskValue(), [wrong])).toBe(
      "Flask app cannot read this cookie: no declared secret verifies its signature.",
    );
  });

  it("tells how to declare sides when there are none or none match", () => {
    expect(verdictFor(flaskValue(), [])).toMatch(
      /^No apps are declared for this site yet\. Declare each app that shares the cookie/,
    );
    expect(verdictFor(flaskValue(), [flaskApp], "/", "other")).toBe(
      "No declared side uses the cookie name `other`. Set a side's cookie name to `other` to check this cookie.",
    );
  });

  it("points a .sig cookie at the cookie it signs", () => {
    const a = checkAgreement({ name: "s.sig", value: "x", path: "/" }, [flaskApp], { now: NOW });
    expect(verdictSentence(a, { now: NOW, companionOf: "s" })).toMatch(/signature cookie of `s`/);
  });
});

describe("verdictSentence for cookie-session", () => {
  it("says the .sig companion is missing instead of blaming the secret", () => {
    const node = makeSide({
      id: "node",
      label: "Node app",
      format: "cookie-session",
      secret: { value: "k", encoding: "utf8" },
    });
    const value = Buffer.from('{"n":1}').toString("base64");
    expect(verdictFor(value, [node])).toBe(
      "Node app cannot read this cookie: the companion `session.sig` cookie is missing, so it starts an empty session.",
    );
  });
});
