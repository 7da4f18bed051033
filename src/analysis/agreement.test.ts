import { describe, expect, it } from "vitest";
import { fastapiApp, flaskApp, flaskValue, makeSide, NOW } from "../../test/support/mountedApps";
import { signSession } from "../codec";
import { dict } from "../codec/value";
import { checkAgreement } from "./agreement";
import { seesText } from "./agreementText";

const cookie = (value: string, name = "session", path = "/") => ({ name, value, path });

describe("checkAgreement", () => {
  it("judges a Flask cookie: Flask accepts with its data, Starlette rejects and starts empty", () => {
    const a = checkAgreement(cookie(flaskValue()), [flaskApp, fastapiApp], { now: NOW });
    const [flask, fastapi] = a.judgements;
    expect(flask?.outcome).toBe("accepts");
    expect(flask?.key).toBe("current secret");
    expect(flask && seesText(flask)).toBe("{'cart': (1, 2), 'user_id': 42}");
    expect(fastapi?.outcome).toBe("bad-signature");
    expect(fastapi && seesText(fastapi)).toBe("an empty session");
    expect(a.races).toHaveLength(1);
  });

  it("only judges sides whose cookie name matches", () => {
    const other = makeSide({ id: "o", label: "Other", format: "flask", cookieName: "other" });
    const a = checkAgreement(cookie(flaskValue()), [flaskApp, other], { now: NOW });
    expect(a.judgements.map((j) => j.side.id)).toEqual(["flask-app"]);
    expect(a.declaredSides).toBe(2);
  });

  it("says expired past the side's max_age, but never races a side that trusts the key", () => {
    const short = makeSide({
      ...flaskApp,
      id: "short",
      label: "Strict app",
      options: { maxAge: 10 },
    });
    const a = checkAgreement(cookie(flaskValue(NOW - 60)), [flaskApp, short], { now: NOW });
    expect(a.judgements.map((j) => j.outcome)).toEqual(["accepts", "expired"]);
    expect(a.races).toEqual([]);
  });

  it("answers HTTP 500 for Flask when a correctly signed payload can't be decoded", () => {
    // Golden vector flask-3.1.3/public/bad-payload-json (secret flask-public-secret-1).
    const side = makeSide({
      id: "f",
      label: "Flask app",
      format: "flask",
      secret: { value: "flask-public-secret-1", encoding: "utf8" },
    });
    const a = checkAgreement(cookie("eyJhIjo.aVXpOQ.1u8iYPOgi7aiRfhlyuAIIG_qyyo"), [side], {
      now: 1767237945,
    });
    expect(a.judgements[0]?.outcome).toBe("cannot-parse");
    expect(a.judgements[0]?.sees).toEqual({ kind: "http-500" });
  });

  it("marks a side without a secret as unchecked, still reading the payload", () => {
    const noSecret = makeSide({ id: "n", label: "FastAPI app", format: "flask" });
    const [j] = checkAgreement(cookie(flaskValue()), [noSecret], { now: NOW }).judgements;
    expect(j?.outcome).toBe("no-secret");
    expect(j?.result.data).toBeInstanceOf(Map);
    expect(j && seesText(j)).toBe(
      "unknown without the secret; the payload reads {'cart': (1, 2), 'user_id': 42}",
    );
  });

  it("checks cookie-session with its .sig companion and reports the fallback key", () => {
    const { value, sig } = signSession("cookie-session", dict([["n", 1]]), {
      secret: "old",
      name: "node_session",
    });
    const node = makeSide({
      id: "node",
      label: "Node app",
      format: "cookie-session",
      cookieName: "node_session",
      secret: { value: "new", encoding: "utf8" },
      fallbacks: [{ value: "old", encoding: "utf8" }],
    });
    const withSig = checkAgreement(cookie(value, "node_session"), [node], {
      now: NOW,
      ...(sig ? { sig } : {}),
    });
    expect(withSig.judgements[0]?.outcome).toBe("accepts");
    expect(withSig.judgements[0]?.key).toBe("fallback 1");
    const [j] = withSig.judgements;
    expect(j && seesText(j)).toBe('{"n": 1}');
    const withoutSig = checkAgreement(cookie(value, "node_session"), [node], { now: NOW });
    expect(withoutSig.judgements[0]?.outcome).toBe("bad-signature");
  });
});
