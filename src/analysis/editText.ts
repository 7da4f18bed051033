/**
 * The editor's text side: typed JSON (the CLI's, src/codec/typed.ts) laid out for reading —
 * short groups on one line, longer ones indented, key order and every character kept — and
 * typed-JSON errors turned into one located sentence (line and column, or the session path).
 */
import { fromTypedJson, fromTypedJsonJs, TypedJsonError, toTypedJson } from "../codec/typed";
import type { Value } from "../codec/value";

const ONE_LINE = 60;

/** Compact JSON as raw pieces: atoms (strings, numbers, literals) and groups of items. */
type Piece =
  | { atom: string }
  | { open: string; close: string; items: { key?: string; value: Piece }[]; raw: string };

/** The end of the JSON string starting at `i` (exclusive). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
  return j + 1;
}

function readPiece(text: string, i: number): [Piece, number] {
  const c = text[i];
  if (c === '"') {
    const end = stringEnd(text, i);
    return [{ atom: text.slice(i, end) }, end];
  }
  if (c !== "{" && c !== "[") {
    let j = i;
    while (j < text.length && !",}]".includes(text[j] as string)) j++;
    return [{ atom: text.slice(i, j) }, j];
  }
  const close = c === "{" ? "}" : "]";
  const items: { key?: string; value: Piece }[] = [];
  let j = i + 1;
  while (j < text.length && text[j] !== close) {
    let key: string | undefined;
    if (c === "{") {
      const keyEnd = stringEnd(text, j);
      key = text.slice(j, keyEnd);
      j = keyEnd + 1; // past the ':'
    }
    const [value, next] = readPiece(text, j);
    items.push(key === undefined ? { value } : { key, value });
    j = text[next] === "," ? next + 1 : next;
  }
  return [{ open: c, close, items, raw: text.slice(i, j + 1) }, j + 1];
}

function render(piece: Piece, indent: string): string {
  if ("atom" in piece) return piece.atom;
  const line = (p: Piece): string =>
    "atom" in p
      ? p.atom
      : `${p.open}${p.items.map((it) => (it.key === undefined ? "" : `${it.key}: `) + line(it.value)).join(", ")}${p.close}`;
  const flat = line(piece);
  if (flat.length <= ONE_LINE || piece.items.length === 0) return flat;
  const inner = `${indent}  `;
  const items = piece.items.map(
    (it) => `${inner}${it.key === undefined ? "" : `${it.key}: `}${render(it.value, inner)}`,
  );
  return `${piece.open}\n${items.join(",\n")}\n${indent}${piece.close}`;
}

/** Compact typed JSON → indented text; groups that fit stay on one line. Characters are kept. */
export function layoutTypedJson(compact: string): string {
  return render(readPiece(compact, 0)[0], "");
}

/** The session as the editor's text. */
export function editorText(value: Value): string {
  return layoutTypedJson(toTypedJson(value));
}

export type Parsed = { ok: true; value: Value } | { ok: false; message: string };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Where a JSON syntax error is, from its message (null for an error that names no character). */
export function jsonErrorPlace(
  text: string,
  message: string,
): { line: number; column: number; what: string } | null {
  const at = /^invalid JSON at character (\d+): (.*)$/s.exec(message);
  return at ? { ...lineColumn(text, Number(at[1])), what: at[2] as string } : null;
}

/** Reads the editor's text; an error says where (line and column, or the path) and what to fix. */
export function parseEditorText(text: string, dialect: "python" | "js"): Parsed {
  try {
    return { ok: true, value: dialect === "js" ? fromTypedJsonJs(text) : fromTypedJson(text) };
  } catch (error) {
    if (!(error instanceof TypedJsonError)) throw error;
    const at = jsonErrorPlace(text, error.message);
    if (at) {
      return {
        ok: false,
        message: `Line ${at.line}, column ${at.column}: ${at.what}. Fix the JSON there; nothing is written until it is valid.`,
      };
    }
    const whole = /^invalid JSON: (.*)$/s.exec(error.message);
    if (whole) {
      return {
        ok: false,
        message: `Line 1, column 1: ${whole[1]}; write the session as typed JSON, e.g. {}.`,
      };
    }
    const path = /^\$([.[][^:]*)?: (.*)$/s.exec(error.message);
    if (path) {
      const where = (path[1] ?? "").replace(/^\./, "") || "the session itself";
      return {
        ok: false,
        message: `At ${where}: ${path[2]}. Nothing is written until it is valid.`,
      };
    }
    return { ok: false, message: `${error.message}. Nothing is written until it is valid.` };
  }
}
