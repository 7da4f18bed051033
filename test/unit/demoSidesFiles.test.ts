/**
 * `npm start` (headless) prints the demo's sides for the user to paste into Import: what it prints
 * must import as printed, through the panel's own parser.
 */
import { describe, expect, it } from "vitest";
import { demoSides, demoSidesFiles } from "../../demo/sides.mjs";
import { parseSidesJson, SIDES_FILE_KIND } from "../../src/analysis/sidesJson";

const origins = { pythonOrigin: "http://127.0.0.1:8000", nodeOrigin: "http://127.0.0.1:3000" };
let ids = 0;
const makeId = () => `id-${++ids}`;

describe.each(["broken", "fixed"] as const)("the %s demo's printed sides files", (variant) => {
  const sides = demoSides(variant, origins);
  const files = demoSidesFiles(sides);

  it("import through the panel's parser without a single error", () => {
    for (const file of files) {
      const result = parseSidesJson(file.text, makeId);
      expect(result).toMatchObject({ ok: true });
    }
  });

  it("are the panel's sides-file kind, one per origin, each naming its origin", () => {
    expect(files.map((f) => f.origin)).toEqual([origins.pythonOrigin, origins.nodeOrigin]);
    for (const file of files) {
      const parsed = JSON.parse(file.text) as { kind: string; origin: string };
      expect(parsed.kind).toBe(SIDES_FILE_KIND);
      expect(parsed.origin).toBe(file.origin);
    }
  });

  it("together hold every demo side with its secret", () => {
    const imported = files.flatMap((f) => {
      const result = parseSidesJson(f.text, makeId);
      return result.ok ? result.sides : [];
    });
    expect(imported.map((s) => s.id)).toEqual(sides.map((s) => s.id));
    expect(imported.map((s) => s.secret)).toEqual(sides.map((s) => s.secret));
  });
});

it("the demo's raw side list (what npm start printed before) is refused, which is why files are printed", () => {
  const raw = JSON.stringify(demoSides("broken", origins));
  expect(parseSidesJson(raw, makeId)).toMatchObject({ ok: false });
});
