/**
 * `reprValue`, cut at a length, in time proportional to the length rather than to the value.
 * Any page can set a cookie that inflates to a megabyte (`{"a":[0,0,…]}`); the panel prints
 * one-line previews of such values in table cells and tree summaries, so it must never build
 * the whole text to show its first 60 characters.
 */
import { isDict, type Value } from "../codec/value";
import { type Dialect, reprValue } from "./pyRepr";

/** A leaf whose own text could be long (strings, bytes, Markup), shortened before printing. */
function shortLeaf(v: Value, max: number): Value {
  if (typeof v === "string") return v.length > max ? v.slice(0, max) : v;
  if (v !== null && typeof v === "object" && !Array.isArray(v) && !isDict(v)) {
    if (v.kind === "bytes" && v.bytes.length > max) return { ...v, bytes: v.bytes.slice(0, max) };
    if (v.kind === "markup" && v.value.length > max) return { ...v, value: v.value.slice(0, max) };
  }
  return v;
}

/** The text of `v` as `reprValue` prints it, or its first `max - 1` characters and `…`. */
export function reprShort(v: Value, dialect: Dialect, max: number): string {
  let out = "";
  const full = () => out.length > max;
  const keyText = (k: string) => reprValue(k.length > max ? k.slice(0, max) : k, dialect);
  const walk = (x: Value): void => {
    if (full()) return;
    const seq = (items: readonly Value[], open: string, close: string) => {
      out += open;
      for (let i = 0; i < items.length && !full(); i++) {
        if (i > 0) out += ", ";
        walk(items[i] ?? null);
      }
      out += close;
    };
    if (Array.isArray(x)) {
      seq(x, "[", "]");
      return;
    }
    if (isDict(x)) {
      out += "{";
      let first = true;
      for (const [k, item] of x) {
        if (full()) break;
        out += `${first ? "" : ", "}${keyText(k)}: `;
        first = false;
        walk(item);
      }
      out += "}";
      return;
    }
    if (x !== null && typeof x === "object" && x.kind === "tuple") {
      seq(x.items, "(", x.items.length === 1 ? ",)" : ")");
      return;
    }
    out += reprValue(shortLeaf(x, max), dialect);
  };
  walk(v);
  return out.length > max ? `${out.slice(0, Math.max(0, max - 1))}…` : out;
}
