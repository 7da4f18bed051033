/**
 * A decoded session as a tree, values printed the way the app's language prints them
 * (`(1, 2)`, `b'…'`, `datetime(…)`, `UUID('…')`, `1.0`). Short containers stay on one line;
 * longer ones become expandable nodes. Dict keys keep their order (Maps), which is how Starlette
 * and Node store them.
 *
 * Drawn lazily, because any page can set a cookie that inflates to a megabyte: children exist
 * only while their node is open, each container shows `PAGE` children and a "show more"
 * button, long leaves are cut the same way, one-line previews are built only as far as they are
 * shown (reprShort), and only small containers open by themselves, within `AUTO_OPEN_BUDGET`
 * children in all. So a first render draws at most a few hundred rows whatever the cookie holds.
 */
import { useState } from "preact/hooks";
import { type Dialect, pyDateTimeIso } from "../../../analysis/pyRepr";
import { reprShort } from "../../../analysis/reprShort";
import { isDict, isTagged, type Value } from "../../../codec/value";
import styles from "./Decoded.module.css";

const INLINE_MAX = 60;
/** Children (and, for a leaf, characters) shown per step of "show more". */
export const PAGE = 100;
const LEAF_CHARS = 2000;
/** Children drawn in all by containers that open without a click. */
const AUTO_OPEN_BUDGET = 200;

type Entry = readonly [string, Value];

interface Children {
  count: number;
  entry: (i: number) => Entry;
  open: string;
  close: string;
  noun: string;
}

function childrenOf(v: Value): Children | null {
  if (Array.isArray(v)) {
    return {
      count: v.length,
      entry: (i) => [String(i), v[i] ?? null],
      open: "[",
      close: "]",
      noun: "list",
    };
  }
  if (isDict(v)) {
    let keys: string[] | null = null;
    return {
      count: v.size,
      entry: (i) => {
        keys ??= [...v.keys()];
        const k = keys[i] ?? "";
        return [k, v.get(k) ?? null];
      },
      open: "{",
      close: "}",
      noun: "dict",
    };
  }
  if (typeof v === "object" && v !== null && v.kind === "tuple") {
    const items = v.items;
    return {
      count: items.length,
      entry: (i) => [String(i), items[i] ?? null],
      open: "(",
      close: ")",
      noun: "tuple",
    };
  }
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
  const [chars, setChars] = useState(LEAF_CHARS);
  const isDate = isTagged(value) && value.kind === "datetime";
  const text = reprShort(value, dialect, chars);
  const cut = text.length > chars - 1 && text.endsWith("…");
  return (
    <>
      <span class={leafClass(value)} title={isDate ? pyDateTimeIso(value) : undefined}>
        {text}
      </span>
      {cut && (
        <button type="button" class={styles.more} onClick={() => setChars(chars * 10)}>
          show more
        </button>
      )}
    </>
  );
}

interface NodeProps {
  name: string | null;
  value: Value;
  dialect: Dialect;
  autoOpen: boolean;
}

function Node({ name, value, dialect, autoOpen }: NodeProps) {
  const [open, setOpen] = useState(autoOpen);
  const [shown, setShown] = useState(PAGE);
  const children = childrenOf(value);
  const label = name === null ? null : <span class={styles.key}>{name}: </span>;
  if (!children || reprShort(value, dialect, INLINE_MAX + 1).length <= INLINE_MAX) {
    return (
      <li class={styles.leaf}>
        {label}
        <Leaf value={value} dialect={dialect} />
      </li>
    );
  }
  const visible = Math.min(shown, children.count);
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
        {children.count}
        {children.close}
      </span>
      {open && (
        <ul class={styles.tree}>
          <Entries of={children} count={visible} dialect={dialect} budget={0} />
          {visible < children.count && (
            <li class={styles.leaf}>
              <button type="button" class={styles.more} onClick={() => setShown(shown + PAGE)}>
                show {Math.min(PAGE, children.count - visible)} more of {children.count}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/** The first `count` children; small containers among them open while `budget` lasts. */
function Entries({
  of: children,
  count,
  dialect,
  budget,
}: {
  /** the container's children (not JSX children: a lazy view of a decoded value) */
  of: Children;
  count: number;
  dialect: Dialect;
  budget: number;
}) {
  let left = budget;
  const nodes = [];
  for (let i = 0; i < count; i++) {
    const [key, child] = children.entry(i);
    const size = childrenOf(child)?.count ?? 0;
    const autoOpen = size > 0 && size <= left;
    if (autoOpen) left -= size;
    nodes.push(<Node key={key} name={key} value={child} dialect={dialect} autoOpen={autoOpen} />);
  }
  return <>{nodes}</>;
}

export function ValueTree({ value, dialect }: { value: Value; dialect: Dialect }) {
  const [shown, setShown] = useState(PAGE);
  const children = childrenOf(value);
  if (children?.noun !== "dict") {
    return (
      <ul class={styles.tree}>
        <Node name={null} value={value} dialect={dialect} autoOpen={true} />
      </ul>
    );
  }
  if (children.count === 0) return <p class={styles.muted}>An empty session ({"{}"}).</p>;
  const visible = Math.min(shown, children.count);
  return (
    <ul class={styles.tree} data-testid="value-tree">
      <Entries of={children} count={visible} dialect={dialect} budget={AUTO_OPEN_BUDGET} />
      {visible < children.count && (
        <li class={styles.leaf}>
          <button type="button" class={styles.more} onClick={() => setShown(shown + PAGE)}>
            show {Math.min(PAGE, children.count - visible)} more of {children.count}
          </button>
        </li>
      )}
    </ul>
  );
}
