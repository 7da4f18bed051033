/**
 * A decoded session as a tree, values printed the way the app's language prints them
 * (`(1, 2)`, `b'…'`, `datetime(…)`, `UUID('…')`, `1.0`). Short containers stay on one line;
 * longer ones become expandable nodes, open for the first two levels. Dict keys keep their
 * order (Maps), which is how Starlette and Node store them.
 */
import { useState } from "preact/hooks";
import { type Dialect, pyDateTimeIso, reprValue } from "../../../analysis/pyRepr";
import { isDict, isTagged, type Value } from "../../../codec/value";
import styles from "./Decoded.module.css";

const INLINE_MAX = 60;
const OPEN_DEPTH = 2;

type Entry = readonly [string, Value];

function childrenOf(
  v: Value,
): { entries: Entry[]; open: string; close: string; noun: string } | null {
  if (Array.isArray(v))
    return { entries: v.map((x, i) => [String(i), x]), open: "[", close: "]", noun: "list" };
  if (isDict(v)) return { entries: [...v], open: "{", close: "}", noun: "dict" };
  if (typeof v === "object" && v !== null && v.kind === "tuple")
    return { entries: v.items.map((x, i) => [String(i), x]), open: "(", close: ")", noun: "tuple" };
  return null;
}

function leafClass(v: Value): string {
  if (typeof v === "string") return styles.string ?? "";
  if (typeof v === "number" || (isTagged(v) && (v.kind === "float" || v.kind === "bigint")))
    return styles.number ?? "";
  if (v === null || typeof v === "boolean") return styles.keyword ?? "";
  return styles.tagged ?? "";
}

function Leaf({ value, dialect }: { value: Value; dialect: Dialect }) {
  const isDate = isTagged(value) && value.kind === "datetime";
  return (
    <span class={leafClass(value)} title={isDate ? pyDateTimeIso(value) : undefined}>
      {reprValue(value, dialect)}
    </span>
  );
}

interface NodeProps {
  name: string | null;
  value: Value;
  dialect: Dialect;
  depth: number;
}

function Node({ name, value, dialect, depth }: NodeProps) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const children = childrenOf(value);
  const text = reprValue(value, dialect);
  const label = name === null ? null : <span class={styles.key}>{name}: </span>;
  if (!children || text.length <= INLINE_MAX) {
    return (
      <li class={styles.leaf}>
        {label}
        <Leaf value={value} dialect={dialect} />
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        class={styles.toggle}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? "▾" : "▸"}
      </button>
      {label}
      <span class={styles.summary}>
        {children.noun} {children.open}
        {children.entries.length}
        {children.close}
      </span>
      {open && (
        <ul class={styles.tree}>
          {children.entries.map(([key, child]) => (
            <Node key={key} name={key} value={child} dialect={dialect} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function ValueTree({ value, dialect }: { value: Value; dialect: Dialect }) {
  const children = childrenOf(value);
  if (children?.noun !== "dict") {
    return (
      <ul class={styles.tree}>
        <Node name={null} value={value} dialect={dialect} depth={0} />
      </ul>
    );
  }
  if (children.entries.length === 0) return <p class={styles.muted}>An empty session ({"{}"}).</p>;
  return (
    <ul class={styles.tree} data-testid="value-tree">
      {children.entries.map(([key, child]) => (
        <Node key={key} name={key} value={child} dialect={dialect} depth={1} />
      ))}
    </ul>
  );
}
