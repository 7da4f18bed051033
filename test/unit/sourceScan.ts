/**
 * Reads src/ the way the guard tests need it, through TypeScript's own parser so that a comment
 * or a string is never mistaken for code: every import a file makes, and a "code view" of the
 * file in which comments are spaces and string contents are blanked (so a regular expression
 * matches code only, at the same line and column as in the file).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Repo-relative paths of every .ts/.tsx under `dir` (repo-relative) that is not a test. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

export function parse(file: string, text = readFileSync(join(ROOT, file), "utf8")): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

export const lineOf = (sf: ts.SourceFile, pos: number): number =>
  sf.getLineAndCharacterOfPosition(pos).line + 1;

export interface ImportRef {
  /** as written, without a `?raw`/`?url` query */
  specifier: string;
  /** for a relative specifier, the repo-relative path it names; otherwise null */
  path: string | null;
  line: number;
}

function literalText(node: ts.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : null;
}

const isImportMetaUrl = (node: ts.Node | undefined): boolean =>
  node !== undefined &&
  ts.isPropertyAccessExpression(node) &&
  ts.isMetaProperty(node.expression) &&
  node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
  node.name.text === "url";

/**
 * Every module a file refers to: static imports and re-exports (types too), `import()` in code
 * and in types, `require()`, and `new URL("…", import.meta.url)` (workers, wasm, assets). A
 * dynamic import of a computed name is reported with the specifier `<computed>`: it cannot be
 * checked, so it is never allowed. The body of a `declare module "x"` describes x, not this file.
 */
export function importsOf(sf: ts.SourceFile): ImportRef[] {
  const found: ImportRef[] = [];
  const add = (spec: string | null, at: ts.Node) => {
    const specifier = spec === null ? "<computed>" : spec.replace(/\?.*$/, "");
    const path = specifier.startsWith(".")
      ? relative(ROOT, resolve(ROOT, dirname(sf.fileName), specifier))
      : null;
    found.push({ specifier, path, line: lineOf(sf, at.getStart(sf)) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(literalText(node.moduleSpecifier), node);
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference))
        add(literalText(node.moduleReference.expression), node);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      add(ts.isLiteralTypeNode(arg) ? literalText(arg.literal) : null, node);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === "require")
      )
        add(literalText(node.arguments[0]), node);
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "URL" &&
      isImportMetaUrl(node.arguments?.[1])
    ) {
      add(literalText(node.arguments?.[0]), node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A short word in quotes stays readable (`storage["sync"]`); any other string is blanked. */
const KEPT_STRING = /^["'`][\w$-]{1,30}["'`]$/;

/**
 * The file's text with every comment turned to spaces and the contents of string, template and
 * regular-expression literals and JSX text blanked (line breaks kept), so offsets and line
 * numbers are the file's own. Help texts and code samples shown to the user are strings, and so
 * never look like calls.
 */
export function codeView(sf: ts.SourceFile): string {
  const chars = sf.text.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJSDoc(node)) return; // a comment: blanked below as the next token's trivia
    const children = node.getChildren(sf);
    if (children.length > 0) {
      children.forEach(visit);
      return;
    }
    const start = node.getStart(sf);
    blank(node.getFullStart(), start); // leading whitespace and comments
    const text = node.getText(sf);
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateTail:
        if (!KEPT_STRING.test(text)) blank(start + 1, node.end - 1);
        break;
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
        blank(start + 1, node.end - 2);
        break;
      case ts.SyntaxKind.RegularExpressionLiteral:
        blank(start + 1, start + text.lastIndexOf("/"));
        break;
      case ts.SyntaxKind.JsxText:
        blank(start, node.end);
        break;
    }
  };
  visit(sf);
  return chars.join("");
}

/** Every match of `pattern` (global flag added) in the code view, as 1-based line numbers. */
export function matchLines(sf: ts.SourceFile, view: string, pattern: RegExp): number[] {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  return [...view.matchAll(global)].map((m) => lineOf(sf, m.index));
}
