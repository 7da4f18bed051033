import { describe, expect, it } from "vitest";
import { fastapiApp, flaskApp } from "../../test/support/mountedApps";
import { placeFoundSecret, storedSecretOf } from "./auditSave";

const bytes = (s: string) => new TextEncoder().encode(s);
const from = {
  format: "flask" as const,
  cookieName: "session",
  cookiePath: "/",
  requestPath: "/flask-application/login",
};

describe("placeFoundSecret", () => {
  it("puts the secret on the declared side of that cookie and format", () => {
    const wrong = { ...flaskApp, secret: { value: "not-it", encoding: "utf8" as const } };
    const p = placeFoundSecret(bytes("dev"), from, [wrong, fastapiApp], "new");
    expect(p).toMatchObject({ isNew: false, unchanged: false });
    expect(p.side.id).toBe(flaskApp.id);
    expect(p.side.secret).toEqual({ value: "dev", encoding: "utf8" });
  });

  it("says nothing changes when the side already has that secret", () => {
    const right = { ...flaskApp, secret: { value: "dev", encoding: "utf8" as const } };
    expect(placeFoundSecret(bytes("dev"), from, [right], "new")).toMatchObject({ unchanged: true });
  });

  it("declares a new side from the cookie when none is declared for it", () => {
    const p = placeFoundSecret(bytes("dev"), from, [fastapiApp], "new-id");
    expect(p.isNew).toBe(true);
    expect(p.side).toMatchObject({
      id: "new-id",
      format: "flask",
      cookieName: "session",
      pathPrefix: "/flask-application",
    });
    expect(p.side.secret).toEqual({ value: "dev", encoding: "utf8" });
  });

  it("keeps a secret that is not UTF-8 as hex", () => {
    expect(storedSecretOf(new Uint8Array([0xff, 0x00, 0x10]))).toEqual({
      value: "ff0010",
      encoding: "hex",
    });
  });
});
