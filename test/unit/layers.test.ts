/**
 * The layers of ARCHITECTURE.md, checked: every import of every source file under src/ (static,
 * type-only, `import()`, `require()`, `new URL("…", import.meta.url)`) must be on its folder's
 * allow-list below, and the pure cores name no DOM, Node or extension global in code. They must
 * run unchanged in Node, a page, a worker and an extension service worker; tsconfig.pure.json
 * checks the same at the type level.
 */

import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  codeView,
  type ImportRef,
  importsOf,
  lineOf,
  matchLines,
  parse,
  sourceFiles,
} from "./sourceScan";

const PURE = ["codec", "model", "analysis", "timeline", "audit"] as const;

interface Rule {
  /** folders under src/ it may import from */
  folders: readonly string[];
  /** bare specifiers it may import; `node:*` is every Node built-in */
  packages?: readonly string[];
  /** files outside src/ it may import */
  files?: readonly string[];
}

/** Who may import whom. Shells may import anything; nothing may import a shell. */
const RULES: Record<string, Rule | "anything"> = {
  codec: { folders: ["codec"], packages: ["pako"] },
  model: { folders: ["codec", "model"] },
  analysis: { folders: ["codec", "model", "analysis"] },
  timeline: { folders: ["codec", "model", "analysis", "timeline"] },
  audit: { folders: ["codec", "audit"] },
  shared: { folders: [...PURE, "shared"] },
  panel: { folders: [...PURE, "shared", "panel"], packages: ["preact", "preact/hooks"] },
  lib: { folders: ["codec", "lib"], packages: ["hono"] },
  cli: { folders: [...PURE, "cli"], packages: ["node:*"], files: ["package.json"] },
  shells: "anything",
};

/** pako 3 drops these internals; zlib.ts is the one file that reaches into them (zlib.test.ts pins them). */
const DEEP_IMPORTS: Record<string, readonly string[]> = {
  "src/codec/zlib/zlib.ts": ["pako/lib/zlib/deflate.js", "pako/lib/zlib/zstream.js"],
};

const describeRule = (folder: string, rule: Rule) =>
  `src/${folder} may import only ${[
    ...rule.folders.map((f) => `src/${f}`),
    ...(rule.packages ?? []),
    ...(rule.files ?? []),
  ].join(", ")}`;

function allowed(file: string, ref: ImportRef, rule: Rule): boolean {
  if (ref.path !== null) {
    const [top, folder] = ref.path.split("/");
    if (top === "src" && folder !== undefined) return rule.folders.includes(folder);
    return (rule.files ?? []).includes(ref.path);
  }
  const packages = rule.packages ?? [];
  if (packages.includes(ref.specifier)) return true;
  if (packages.includes("node:*") && ref.specifier.startsWith("node:")) return true;
  return (DEEP_IMPORTS[file] ?? []).includes(ref.specifier);
}

function importViolations(file: string, sf = parse(file)): string[] {
  const folder = file.split("/")[1] ?? "";
  const rule = RULES[folder];
  if (rule === undefined) return [`${file}: src/${folder} has no rule in layers.test.ts`];
  if (rule === "anything") return [];
  return importsOf(sf)
    .filter((ref) => !allowed(file, ref, rule))
    .map((ref) => `${file}:${ref.line}: imports "${ref.specifier}"; ${describeRule(folder, rule)}`);
}

/** Globals a pure core must not touch, and what each one is. */
const PLATFORM_GLOBALS: Record<string, string> = {
  document: "the DOM",
  window: "the DOM",
  Buffer: "Node",
  process: "Node",
  require: "Node's CommonJS",
  chrome: "the extension API",
  browser: "the extension API",
};

const GLOBAL_OBJECTS = new Set(["globalThis", "self"]);

/** `x.window`, `{ window: 1 }`, `{ window: w } = s`: a name beside an object, not the global. */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p))
    return (
      p.name === id && !(ts.isIdentifier(p.expression) && GLOBAL_OBJECTS.has(p.expression.text))
    );
  if (ts.isBindingElement(p)) return p.propertyName === id;
  if (ts.isQualifiedName(p)) return p.right === id;
  return (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertySignature(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessorDeclaration(p) ||
      ts.isSetAccessorDeclaration(p) ||
      ts.isEnumMember(p)) &&
    p.name === id
  );
}

function platformViolations(file: string, sf = parse(file)): string[] {
  const found: string[] = [];
  const report = (name: string, at: ts.Node) =>
    found.push(
      `${file}:${lineOf(sf, at.getStart(sf))}: uses \`${name}\` (${PLATFORM_GLOBALS[name]}); pure cores run everywhere`,
    );
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      Object.hasOwn(PLATFORM_GLOBALS, node.text) &&
      !isPropertyName(node)
    )
      report(node.text, node);
    if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      GLOBAL_OBJECTS.has(node.expression.text) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      Object.hasOwn(PLATFORM_GLOBALS, node.argumentExpression.text)
    )
      report(node.argumentExpression.text, node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const ALL = sourceFiles("src");

describe("the layers", () => {
  it("every folder under src/ has a rule, and src/ has no loose files", () => {
    const folders = new Set(ALL.map((f) => (f.split("/").length > 2 ? f.split("/")[1] : f)));
    expect([...folders].filter((f) => !Object.hasOwn(RULES, f ?? ""))).toEqual([]);
    expect(ALL.length).toBeGreaterThan(200);
  });

  it("every import is on its folder's allow-list", () => {
    expect(ALL.flatMap((file) => importViolations(file))).toEqual([]);
  });

  it.each(PURE)("src/%s names no DOM, Node or extension global in code", (folder) => {
    const files = ALL.filter((f) => f.startsWith(`src/${folder}/`));
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap((file) => platformViolations(file))).toEqual([]);
  });

  it("sees through comments and strings, and reads every kind of import", () => {
    const file = "src/codec/planted.ts";
    const sf = parse(
      file,
      [
        "// document.title, chrome.runtime and import 'preact' in a comment are fine",
        'const help = "document.title and window.open in a string are fine";',
        'import b from "webextension-polyfill";',
        'import type { Side } from "../model/side";',
        'export { x } from "../panel/App";',
        'const lazy = () => import("../shells/inline/main");',
        'const w = new URL("../audit/workerCore.ts?worker&url", import.meta.url);',
        "document.title = help;",
        "globalThis.process;",
        'self["chrome"];',
      ].join("\n"),
    );
    expect(importViolations(file, sf).map((v) => v.split(";")[0])).toEqual([
      `${file}:3: imports "webextension-polyfill"`,
      `${file}:4: imports "../model/side"`,
      `${file}:5: imports "../panel/App"`,
      `${file}:6: imports "../shells/inline/main"`,
      `${file}:7: imports "../audit/workerCore.ts"`,
    ]);
    expect(platformViolations(file, sf).map((v) => v.split(" (")[0])).toEqual([
      `${file}:8: uses \`document\``,
      `${file}:9: uses \`process\``,
      `${file}:10: uses \`chrome\``,
    ]);
    const view = codeView(sf);
    expect(matchLines(sf, view, /document|window/)).toEqual([8]);
  });
});
