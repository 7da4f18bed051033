/**
 * The cookie table's columns. Name, domain, path, size and format are always there; Partition
 * only while some cookie has one (an all-dash column only costs width); Value, Expires, SameSite
 * and Secure when the user turns them on. Widths are shares of the table, so a narrow panel
 * keeps every column in view.
 */
import type { JSX } from "preact";
import { expiresShort, sameSiteText, yesNo } from "../../../analysis/cookieAttributes";
import type { CookieRowModel } from "../../state/cookieRows";
import styles from "./CookieTable.module.css";
import { FormatBadge } from "./FormatBadge";
import { SizeCell } from "./SizeCell";

export const OPTIONAL_COLUMNS = ["value", "expires", "sameSite", "secure"] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export interface Column {
  id: string;
  header: string;
  /** Share of the table's width, relative to the other shown columns. */
  weight: number;
  numeric?: boolean;
  /** Cells whose text wraps rather than being cut (names and paths matter whole). */
  wraps?: boolean;
  cell: (row: CookieRowModel) => JSX.Element | string;
  title?: (row: CookieRowModel) => string;
}

function NameCell({ row }: { row: CookieRowModel }) {
  const { cookie } = row;
  return (
    <>
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
    </>
  );
}

const partitionOf = (row: CookieRowModel) => row.cookie.partitionKey?.topLevelSite;

const NAME: Column = {
  id: "name",
  header: "Name",
  weight: 22,
  wraps: true,
  cell: (row) => <NameCell row={row} />,
  title: (row) => row.cookie.name,
};
const DOMAIN: Column = {
  id: "domain",
  header: "Domain",
  weight: 16,
  wraps: true,
  cell: (row) => row.cookie.domain,
  title: (row) => (row.cookie.hostOnly ? "host-only" : "sent to subdomains too"),
};
const PATH: Column = {
  id: "path",
  header: "Path",
  weight: 16,
  wraps: true,
  cell: (row) => row.cookie.path,
};
const PARTITION: Column = {
  id: "partition",
  header: "Partition",
  weight: 16,
  wraps: true,
  cell: (row) => partitionOf(row) ?? <span class={styles.none}>—</span>,
  title: (row) => (partitionOf(row) ? "Partitioned (CHIPS)" : ""),
};
const OPTIONAL: Record<OptionalColumn, Column> = {
  value: {
    id: "value",
    header: "Value",
    weight: 22,
    cell: (row) => <span class={styles.value}>{row.cookie.value}</span>,
    title: (row) => row.cookie.value.slice(0, 200),
  },
  expires: {
    id: "expires",
    header: "Expires",
    weight: 15,
    wraps: true,
    cell: (row) => expiresShort(row.cookie),
  },
  sameSite: {
    id: "sameSite",
    header: "SameSite",
    weight: 9,
    cell: (row) => sameSiteText(row.cookie),
  },
  secure: { id: "secure", header: "Secure", weight: 7, cell: (row) => yesNo(row.cookie.secure) },
};
const SIZE: Column = {
  id: "size",
  header: "Size",
  weight: 9,
  numeric: true,
  cell: (row) => <SizeCell bytes={row.bytes} level={row.level} />,
};
const FORMAT: Column = {
  id: "format",
  header: "Format",
  weight: 15,
  wraps: true,
  cell: (row) => <FormatBadge formats={row.formats} signs={row.signs} />,
};

export const OPTIONAL_LABELS: Record<OptionalColumn, string> = {
  value: OPTIONAL.value.header,
  expires: OPTIONAL.expires.header,
  sameSite: OPTIONAL.sameSite.header,
  secure: OPTIONAL.secure.header,
};

export function visibleColumns(
  rows: readonly CookieRowModel[],
  optional: ReadonlySet<OptionalColumn>,
): Column[] {
  const anyPartition = rows.some((r) => partitionOf(r) !== undefined);
  return [
    NAME,
    DOMAIN,
    PATH,
    ...(anyPartition ? [PARTITION] : []),
    ...OPTIONAL_COLUMNS.filter((c) => optional.has(c)).map((c) => OPTIONAL[c]),
    SIZE,
    FORMAT,
  ];
}

/** Each column's width as a percentage of the table. */
export function columnWidths(columns: readonly Column[]): string[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  return columns.map((c) => `${((100 * c.weight) / total).toFixed(2)}%`);
}
