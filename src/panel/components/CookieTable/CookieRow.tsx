/** One cookie in the table: focusable, selectable by click or Enter/Space. */
import type { JSX } from "preact";
import type { CookieRowModel } from "../../state/cookieRows";
import styles from "./CookieTable.module.css";
import type { Column } from "./columns";

interface Props {
  row: CookieRowModel;
  columns: readonly Column[];
  selected: boolean;
  tabbable: boolean;
  onSelect: () => void;
  onKeyDown: (event: JSX.TargetedKeyboardEvent<HTMLTableRowElement>) => void;
  onFocus: () => void;
}

function cellClass(column: Column): string | undefined {
  const names = [
    column.id === "name" ? styles.name : "",
    column.numeric ? styles.num : "",
    column.wraps ? styles.wrap : "",
  ].filter(Boolean);
  return names.length > 0 ? names.join(" ") : undefined;
}

export function CookieRow({
  row,
  columns,
  selected,
  tabbable,
  onSelect,
  onKeyDown,
  onFocus,
}: Props) {
  const { cookie } = row;
  return (
    <tr
      data-testid="cookie-row"
      data-cookie-name={cookie.name}
      data-cookie-path={cookie.path}
      data-cookie-domain={cookie.domain}
      class={selected ? styles.selected : styles.row}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={selected}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {columns.map((column) => (
        <td key={column.id} class={cellClass(column)} title={column.title?.(row)}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}
