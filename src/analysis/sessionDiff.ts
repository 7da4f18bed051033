/**
 * What changed between two decoded sessions, by path: keys added, removed, and values changed
 * (a type change counts as a change: a tuple that became a list is not the same session to
 * Flask). Paths are written as convertValue writes them (`roles`, `cart.items[0]`). Used by the
 * editor's "what will change" view; shaped like the timeline's `diff` (docs/cli.md §10), so a
 * timeline can reuse it.
 */
import { toTypedJson } from "../codec/typed";
import { isDict, type Value } from "../codec/value";

export interface SessionDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

const same = (a: Value, b: Value) => toTypedJson(a) === toTypedJson(b);
const byKey = (d: Map<string, Value>) =>
  new Map([...d].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
const childPath = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

export function sessionDiff(before: Value | undefined, after: Value | undefined): SessionDiff {
  const diff: SessionDiff = { added: [], removed: [], changed: [] };
  const walk = (a: Value, b: Value, path: string) => {
    if (isDict(a) && isDict(b)) {
      for (const [key, item] of a) {
        const child = childPath(path, key);
        if (!b.has(key)) diff.removed.push(child);
        else walk(item, b.get(key) as Value, child);
      }
      for (const key of b.keys()) if (!a.has(key)) diff.added.push(childPath(path, key));
      // Same keys and values in another order: Python dicts keep order, so say so.
      if (same(byKey(a), byKey(b)) && !same(a, b)) {
        diff.changed.push(path === "" ? "(key order)" : `${path} (key order)`);
      }
      return;
    }
    if (!same(a, b)) diff.changed.push(path === "" ? "(session)" : path);
  };
  if (before === undefined && after === undefined) return diff;
  if (before === undefined || after === undefined) {
    diff.changed.push("(session)");
    return diff;
  }
  walk(before, after, "");
  return diff;
}

export function isEmptyDiff(diff: SessionDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}
