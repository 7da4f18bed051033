/**
 * The tree view of the editor: every key and item of the session with its Python type, editable
 * in place — change a leaf, rename a key (its place kept), change a type, add, remove and
 * reorder. Small and our own: no tree library fits Preact, Python's types and a few kB. Leaf
 * text that is not a value of its type is marked at the leaf (`editor-error`) and reported up.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import {
  addChild,
  children,
  convertKind,
  isContainer,
  KINDS,
  type Kind,
  kindOf,
  leafText,
  moveAt,
  type Path,
  parseLeaf,
  removeAt,
  renameAt,
  updateAt,
} from "../../../analysis/valueEdit";
import { toTypedJson } from "../../../codec/typed";
import type { Value } from "../../../codec/value";
import styles from "./SessionEditor.module.css";

interface TreeProps {
  root: Value;
  onChange: (root: Value) => void;
  onLeafError: (id: number, message: string | null) => void;
  /** Unix seconds, for a new datetime. */
  now: number;
}

let nextLeafId = 1;

const pathText = (path: Path) =>
  path.reduce<string>(
    (text, step) =>
      typeof step === "number" ? `${text}[${step}]` : text ? `${text}.${step}` : step,
    "",
  ) || "the session";

export function TreeEditor(props: TreeProps) {
  return (
    <div class={styles.tree} data-testid="session-tree">
      <Children {...props} path={[]} node={props.root} />
    </div>
  );
}

function Children(props: TreeProps & { path: Path; node: Value }) {
  const { node, path, root, onChange } = props;
  const isDictNode = node instanceof Map;
  return (
    <ul class={styles.children}>
      {children(node).map(([step, item], index, all) => (
        <Node
          {...props}
          key={isDictNode ? `k:${String(step)}` : `i:${index}`}
          path={[...path, step]}
          node={item}
          first={index === 0}
          last={index === all.length - 1}
        />
      ))}
      <li>
        <button
          type="button"
          class={styles.small}
          onClick={() => onChange(addChild(root, path))}
          title={isDictNode ? "Add a key" : "Add an item"}
        >
          + {isDictNode ? "key" : "item"}
        </button>
      </li>
    </ul>
  );
}

function Node(props: TreeProps & { path: Path; node: Value; first: boolean; last: boolean }) {
  const { node, path, root, onChange, now, first, last } = props;
  const step = path[path.length - 1];
  const kind = kindOf(node);
  return (
    <li class={styles.node} data-testid="tree-node" data-path={pathText(path)}>
      <div class={styles.row}>
        {typeof step === "string" ? (
          <KeyInput {...props} step={step} />
        ) : (
          <span class={styles.index}>{step}</span>
        )}
        <select
          aria-label={`Type of ${pathText(path)}`}
          value={kind}
          onChange={(e) =>
            onChange(
              updateAt(root, path, (n) => convertKind(n, e.currentTarget.value as Kind, now)),
            )
          }
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        {!isContainer(node) && <LeafInput {...props} kind={kind} />}
        <button
          type="button"
          class={styles.small}
          disabled={first}
          title="Move up"
          onClick={() => onChange(moveAt(root, path, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          class={styles.small}
          disabled={last}
          title="Move down"
          onClick={() => onChange(moveAt(root, path, 1))}
        >
          ↓
        </button>
        <button
          type="button"
          class={styles.small}
          title={`Remove ${pathText(path)}`}
          onClick={() => onChange(removeAt(root, path))}
        >
          ✕
        </button>
      </div>
      {isContainer(node) && <Children {...props} path={path} node={node} />}
    </li>
  );
}

function KeyInput(props: TreeProps & { path: Path; step: string }) {
  const { root, path, step, onChange, onLeafError } = props;
  const [error, setError] = useState<string | null>(null);
  const id = useRef(nextLeafId++).current;
  useEffect(() => () => onLeafError(id, null), [id, onLeafError]);
  return (
    <span class={styles.keyField}>
      <input
        class={styles.key}
        aria-label={`Key ${pathText(path)}`}
        aria-invalid={error !== null}
        value={step}
        onChange={(e) => {
          const renamed = renameAt(root, path, e.currentTarget.value);
          const message =
            renamed === null
              ? `The key "${e.currentTarget.value}" is already used here: choose another name.`
              : null;
          setError(message);
          onLeafError(id, message);
          if (renamed !== null) onChange(renamed);
        }}
      />
      {error && (
        <span class={styles.error} data-testid="editor-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function LeafInput(props: TreeProps & { path: Path; node: Value; kind: Kind }) {
  const { node, kind, path, root, onChange, onLeafError } = props;
  const [text, setText] = useState(leafText(node));
  const [error, setError] = useState<string | null>(null);
  const id = useRef(nextLeafId++).current;
  useEffect(() => () => onLeafError(id, null), [id, onLeafError]);
  // The text as typed, read (not followed) below: a half-typed value must survive keystrokes.
  const typed = useRef(text);
  typed.current = text;
  // Follow changes made elsewhere (raw text, a type change) unless the text already says them.
  useEffect(() => {
    const mine = parseLeaf(kind, typed.current);
    if (!mine.ok || toTypedJson(mine.value) !== toTypedJson(node)) {
      setText(leafText(node));
      setError(null);
      onLeafError(id, null);
    }
  }, [node, kind, id, onLeafError]);
  if (kind === "None") return <span class={styles.muted}>None</span>;
  const where = pathText(path);
  return (
    <span class={styles.leafField}>
      <input
        class={styles.leaf}
        aria-label={`Value of ${where}`}
        aria-invalid={error !== null}
        value={text}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = parseLeaf(kind, next);
          const message = parsed.ok ? null : `${where}: ${parsed.message}.`;
          setError(message);
          onLeafError(id, message);
          if (parsed.ok) onChange(updateAt(root, path, () => parsed.value));
        }}
      />
      {error && (
        <span class={styles.error} data-testid="editor-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
