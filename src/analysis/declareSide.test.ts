import { describe, expect, it } from "vitest";
import { flaskApp } from "../../test/support/mountedApps";
import { declareSide, mountOf } from "./declareSide";

const from = {
  format: "flask" as const,
  cookieName: "session",
  cookiePath: "/",
  requestPath: "/flask-application/set-session",
};

describe("declareSide", () => {
  it("fills format, cookie name, a label and the mount point of the request that set it", () => {
    expect(declareSide(from, [], "id-1")).toEqual({
      id: "id-1",
      label: "Flask app",
      format: "flask",
      cookieName: "session",
      pathPrefix: "/flask-application",
      fallbacks: [],
      options: {},
    });
  });

  it("prefers the cookie's own path, and names the side by its path when the label is taken", () => {
    const side = declareSide(
      { ...from, format: "starlette", cookiePath: "/fastapi-application/" },
      [],
      "x",
    );
    expect(side).toMatchObject({ label: "FastAPI app", pathPrefix: "/fastapi-application" });
    expect(declareSide(from, [flaskApp], "y").label).toBe("App at /flask-application");
    const both = [flaskApp, { ...flaskApp, label: "App at /flask-application" }];
    expect(declareSide(from, both, "z").label).toBe("Flask app 2");
  });

  it("says / when the request tells nothing about a mount point", () => {
    expect(declareSide({ ...from, requestPath: null }, [], "a").pathPrefix).toBe("/");
    expect(mountOf("/login")).toBe("/");
    expect(mountOf("/api/v1/login")).toBe("/api");
  });
});
