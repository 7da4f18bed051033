/**
 * The page's cookies as a devtools-style grid. Keyboard: Tab reaches the table (one row is
 * tabbable), arrows and Home/End move between rows, Enter or Space selects.
 */
import type { JSX } from "preact";
import { useMemo, useRef, useState } from "preact/hooks";
import type { CookieRowModel } from "../../state/cookieRows";
import { CookieRow } from "./CookieRow";
import styles from "./CookieTable.module.css";
import { columnWidths, type OptionalColumn, visibleColumns } from "./columns";

interface Props {
  rows: readonly CookieRowModel[];
  /** The optional columns the user turned on. */
  optional: ReadonlySet<OptionalColumn>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

export function CookieTable({ rows, optional, selectedKey, onSelect }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);
  const columns = useMemo(() => visibleColumns(rows, optional), [rows, optional]);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const tabbableKey =
    [focusedKey, selectedKey].find((k) => rows.some((r) => r.key === k)) ?? rows[0]?.key ?? null;

  const onKeyDown = (index: number, event: JSX.TargetedKeyboardEvent<HTMLTableRowElement>) => {
    const row = rows[index];
    if (!row) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(row.key);
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const target = body.current?.children[move(index, rows.length)];
    if (target instanceof HTMLElement) target.focus();
  };

  return (
    <table class={styles.table} aria-label="Cookies">
      <colgroup>
        {columnWidths(columns).map((width, i) => (
          <col key={columns[i]?.id} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id} class={c.numeric ? styles.num : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((row, index) => (
          <CookieRow
            key={row.key}
            row={row}
            columns={columns}
            selected={row.key === selectedKey}
            tabbable={row.key === tabbableKey}
            onSelect={() => onSelect(row.key)}
            onKeyDown={(e) => onKeyDown(index, e)}
            onFocus={() => setFocusedKey(row.key)}
          />
        ))}
      </tbody>
    </table>
  );
}
