import { describe, expect, it } from "vitest";
import type { Side } from "../model/side";
import { describeOverwriteRaces, findOverwriteRaces, pathCovers, type Reading } from "./overwrite";

const side = (id: string, pathPrefix: string, cookieName = "session"): Side => ({
  id,
  label: `${id} app`,
  format: "flask",
  cookieName,
  pathPrefix,
  fallbacks: [],
  options: {},
});

describe("pathCovers (RFC 6265 path-match)", () => {
  it.each([
    ["/", "/flask-application", true],
    ["/flask", "/flask", true],
    ["/flask", "/flask/x", true],
    ["/flask/", "/flask/x", true],
    ["/flask", "/flaskish", false],
    ["/api", "/flask", false],
  ])("cookie path %s covers %s: %s", (cookiePath, prefix, covers) => {
    expect(pathCovers(cookiePath, prefix)).toBe(covers);
  });
});

describe("findOverwriteRaces", () => {
  const flask = side("Flask", "/flask-application");
  const fastapi = side("FastAPI", "/fastapi-application");
  const readings = (m: Record<string, Reading>) => (s: Side) => m[s.id] ?? "unknown";

  it("finds a race when one side rejects what the other reads on a shared path", () => {
    const races = findOverwriteRaces(
      { name: "session", path: "/" },
      [flask, fastapi],
      readings({ Flask: "reads", FastAPI: "rejects" }),
    );
    expect(races).toHaveLength(1);
    expect(describeOverwriteRaces(races, 2)).toBe(
      "Both apps write `session` on path /, so each will overwrite the other.",
    );
  });

  it("finds none when both read it, when one is unknown, or when the path doesn't reach both", () => {
    const cookie = { name: "session", path: "/" };
    expect(
      findOverwriteRaces(cookie, [flask, fastapi], readings({ Flask: "reads", FastAPI: "reads" })),
    ).toEqual([]);
    expect(findOverwriteRaces(cookie, [flask, fastapi], readings({ Flask: "reads" }))).toEqual([]);
    const scoped = { name: "session", path: "/fastapi-application" };
    expect(
      findOverwriteRaces(
        scoped,
        [flask, fastapi],
        readings({ Flask: "rejects", FastAPI: "reads" }),
      ),
    ).toEqual([]);
  });

  it("names the apps when more than two sides are involved", () => {
    const node = side("Node", "/node");
    const races = findOverwriteRaces(
      { name: "session", path: "/" },
      [flask, fastapi, node],
      () => "rejects",
    );
    expect(describeOverwriteRaces(races, 3)).toBe(
      "Flask app, FastAPI app and Node app all write `session` on path /, so they will overwrite each other.",
    );
    expect(describeOverwriteRaces([], 2)).toBeNull();
  });
});
