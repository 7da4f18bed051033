/** One cookie in the table: focusable, selectable by click or Enter/Space. */
import type { JSX } from "preact";
import type { CookieRowModel } from "../../state/cookieRows";
import styles from "./CookieTable.module.css";
import { FormatBadge } from "./FormatBadge";
import { SizeCell } from "./SizeCell";

interface Props {
  row: CookieRowModel;
  selected: boolean;
  tabbable: boolean;
  onSelect: () => void;
  onKeyDown: (event: JSX.TargetedKeyboardEvent<HTMLTableRowElement>) => void;
  onFocus: () => void;
}

export function CookieRow({ row, selected, tabbable, onSelect, onKeyDown, onFocus }: Props) {
  const { cookie } = row;
  const partition = cookie.partitionKey?.topLevelSite;
  return (
    <tr
      data-testid="cookie-row"
      data-cookie-name={cookie.name}
      data-cookie-path={cookie.path}
      class={selected ? styles.selected : styles.row}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={selected}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <td class={styles.name} title={cookie.name}>
        {cookie.name}
        {cookie.httpOnly && (
          <span class={styles.flag} title="HttpOnly: page scripts can't read it">
            H
          </span>
        )}
        {cookie.secure && (
          <span class={styles.flag} title="Secure: sent over https only">
            S
          </span>
        )}
      </td>
      <td title={cookie.hostOnly ? "host-only" : "sent to subdomains too"}>{cookie.domain}</td>
      <td>{cookie.path}</td>
      <td
        class={partition ? undefined : styles.none}
        title={partition ? "Partitioned (CHIPS)" : ""}
      >
        {partition ?? "—"}
      </td>
      <td class={styles.num}>
        <SizeCell bytes={row.bytes} level={row.level} />
      </td>
      <td>
        <FormatBadge formats={row.formats} signs={row.signs} />
      </td>
    </tr>
  );
}
