/**
 * Comments cite the repository's own documents as `docs/formats.md §8` (docs/formats.md,
 * docs/cli.md). This keeps every such citation pointing at a file and a section that exist, and
 * fails on citations of documents that are not in the repository: a bare "spec §N", a bare
 * `cli.md`, or a path into a `shared/` folder outside the tree (the project's `src/shared` and
 * `src/shells/extension/shared` are fine: such a path must resolve to a file here).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CODE_DIRS = ["src", "test", "e2e", "demo", "scripts", "bench"];
const TOP_DOCS = ["README.md", "ARCHITECTURE.md"];
/** Not text, or data rather than prose (the audit's word lists, recorded HARs). */
const SKIPPED = /\.(png|jpe?g|gif|ico|webp|woff2?|zip|wasm|txt|har)$/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "dist" ? [] : filesUnder(p);
    return SKIPPED.test(e.name) ? [] : [p];
  });
}

/** Section numbers of a document: headings written `## 8. Title`. */
function sectionsOf(text: string): number[] {
  return [...text.matchAll(/^#{1,6}\s+(\d+)\.\s/gm)].map((m) => Number(m[1]));
}

const sectionCache = new Map<string, number[] | null>();
function sectionsAt(path: string): number[] | null {
  if (!sectionCache.has(path)) {
    sectionCache.set(path, existsSync(path) ? sectionsOf(readFileSync(path, "utf8")) : null);
  }
  return sectionCache.get(path) ?? null;
}

/**
 * `docs/NAME.md §8`, and the further sections of one citation: `§8, §11 and §14`, `§8–§15`.
 * Inside docs/ a sibling is cited without the folder (`formats.md §17`).
 */
const CITATION = /((?:docs\/)?[A-Za-z0-9_-]+\.md)\s+§(\d+)((?:\s*(?:,|and|–|-|\/)\s*§\d+)*)/g;
const FORBIDDEN: [RegExp, string][] = [
  [/\bspec\s*§/i, 'a "spec §" citation (cite docs/formats.md §N)'],
  [/\bspec\s+cli\.md/i, 'a "spec cli.md" citation (cite docs/cli.md §N)'],
  [/(?<![\w./-])cli\.md\b/, "a bare cli.md (cite docs/cli.md §N)"],
];
/** A path with a `shared` folder in it (`../shared/spec/cli.md`, `/work/shared`, `shared/x.ts`). */
const SHARED_PATH = /[\w.~/-]*(?:\/shared\b|\bshared\/)[\w./-]*/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", ".mts", ".d.mts"];

function resolvesInRepo(file: string, token: string): boolean {
  const path = token.replace(/[.,:;]+$/, "");
  const bases = path.startsWith("/") ? [""] : [dirname(file), ROOT, join(ROOT, "src")];
  return bases.some((base) =>
    EXTENSIONS.some((ext) => {
      const full = resolve(base, path + ext);
      return !relative(ROOT, full).startsWith("..") && existsSync(full);
    }),
  );
}

/** Every problem with the citations in one file's text, as `file:line: what`. */
function citationProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const where = (index: number) =>
    `${relative(ROOT, file)}:${text.slice(0, index).split("\n").length}`;
  const inDocs = relative(ROOT, dirname(file)) === "docs";
  for (const m of text.matchAll(CITATION)) {
    const cited = m[1] as string;
    if (!cited.startsWith("docs/") && !inDocs) {
      problems.push(`${where(m.index)}: ${cited} §${m[2]} should be cited as docs/${cited}`);
      continue;
    }
    const target = cited.startsWith("docs/") ? join(ROOT, cited) : join(dirname(file), cited);
    const sections = sectionsAt(target);
    if (sections === null) {
      problems.push(`${where(m.index)}: ${cited} does not exist`);
      continue;
    }
    const numbers = [m[2], ...[...(m[3] ?? "").matchAll(/§(\d+)/g)].map((n) => n[1])];
    for (const n of numbers.map(Number)) {
      if (!sections.includes(n)) problems.push(`${where(m.index)}: ${cited} has no section ${n}`);
    }
  }
  for (const [pattern, what] of FORBIDDEN) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of text.matchAll(global)) problems.push(`${where(m.index)}: ${what}`);
  }
  for (const m of text.matchAll(SHARED_PATH)) {
    // a URL such as resource://devtools/shared/… is not a path of ours
    if (text[m.index - 1] === ":" || m[0].startsWith("//")) continue;
    if (!resolvesInRepo(file, m[0]) && pointsOutside(m[0])) {
      problems.push(`${where(m.index)}: ${m[0]} points outside the repository`);
    }
  }
  return problems;
}

/**
 * A path that does not resolve is only a problem when it leads out of the tree (climbs with
 * `../` or is absolute) or names the outside bundle's folders: a test may name a file it makes
 * up under the project's own src/shared.
 */
function pointsOutside(path: string): boolean {
  return /(^|\/)\.\.\/|^\/|\bshared\/(spec|vectors|notes|wordlists|hooks)\b/.test(path);
}

/** This file is left out: its checks of the checker are made of bad citations. */
const SELF = fileURLToPath(import.meta.url);
const scanned = [
  ...CODE_DIRS.flatMap((d) => filesUnder(join(ROOT, d))),
  ...TOP_DOCS.map((f) => join(ROOT, f)),
  ...filesUnder(join(ROOT, "docs")).filter((f) => f.endsWith(".md")),
].filter((f) => f !== SELF);

describe("citations of the repository's documents", () => {
  it("scans the code and finds the citations it is meant to check", () => {
    const cited = scanned.filter((f) =>
      /docs\/(formats|cli)\.md §\d/.test(readFileSync(f, "utf8")),
    );
    expect(scanned.length).toBeGreaterThan(300);
    expect(cited.length).toBeGreaterThan(30);
  });

  it("every docs/NAME.md §N exists; no spec §, bare cli.md or outside shared/ path", () => {
    const problems = scanned.flatMap((f) => citationProblems(f, readFileSync(f, "utf8")));
    expect(problems).toEqual([]);
  });

  it.each(["docs/formats.md", "docs/cli.md"])(
    "%s numbers its sections 1, 2, 3… once each",
    (doc) => {
      const sections = sectionsAt(join(ROOT, doc)) ?? [];
      expect(sections.length).toBeGreaterThan(5);
      expect(sections).toEqual(sections.map((_, i) => i + 1));
    },
  );

  it("the checker itself catches each kind of bad citation", () => {
    const file = join(ROOT, "src/codec/example.ts");
    const check = (text: string) => citationProblems(file, text);
    expect(check("// see docs/formats.md §8, §11 and §14; docs/cli.md §5")).toEqual([]);
    expect(check("// docs/formats.md §99")).toEqual([
      "src/codec/example.ts:1: docs/formats.md has no section 99",
    ]);
    expect(check("// docs/formats.md §8–§99")[0]).toMatch(/has no section 99/);
    expect(check("// docs/nothing.md §1")[0]).toMatch(/docs\/nothing\.md does not exist/);
    expect(check("// formats.md §3")[0]).toMatch(/should be cited as docs\/formats\.md/);
    expect(check("// as the spec §3.2 says")[0]).toMatch(/"spec §"/);
    expect(check("// field order follows cli.md")[0]).toMatch(/bare cli\.md/);
    expect(check("// ../shared/spec/session-cookie-formats.md")[0]).toMatch(/outside/);
    expect(check("// /work/shared/vectors/flask.json")[0]).toMatch(/outside/);
    expect(check('import { x } from "../shared/host";')).toEqual([]);
    expect(check('const file = "src/shared/made-up-by-a-test.ts";')).toEqual([]);
    expect(check("// see shared/spec/cli.md")[0]).toMatch(/outside/);
    expect(check("// resource://devtools/shared/loader/Loader.sys.mjs")).toEqual([]);
  });
});
