/**
 * The cookies tab: the listing's state (no permission, unsupported page, no cookies) or the
 * cookie table with the selected cookie's details below. The selection is a cookie key (name,
 * domain, path, partition) held by the App, so it survives view switches and live re-lists, and
 * a cookie that is briefly gone (an overwrite is a remove, then a set) is selected again.
 */
import { useMemo } from "preact/hooks";
import type { CookieListing } from "../../../model/cookie";
import type { Side } from "../../../model/side";
import { buildRows } from "../../state/cookieRows";
import type { SideActions } from "../../state/useSideActions";
import type { AuditHost } from "../Audit/AuditSection";
import { CookieDetails } from "../CookieDetails/CookieDetails";
import { ColumnPicker } from "../CookieTable/ColumnPicker";
import { CookieTable } from "../CookieTable/CookieTable";
import type { OptionalColumn } from "../CookieTable/columns";
import type { EditorHost } from "../SessionEditor/SessionEditor";
import { NoCookies } from "../States/NoCookies";
import { PermissionPrompt } from "../States/PermissionPrompt";
import { UnsupportedPage } from "../States/UnsupportedPage";
import styles from "./CookiesView.module.css";

interface Props {
  listing: CookieListing;
  sides: readonly Side[];
  /** Unix seconds. */
  now: number;
  requestPermission: (origin: string) => Promise<boolean>;
  reload: () => void;
  onOpenSides: () => void;
  /** Where session edits are written (the panel's host). */
  host?: EditorHost & AuditHost;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  /** The optional table columns turned on (held by the App, so they survive view switches). */
  columns: ReadonlySet<OptionalColumn>;
  onColumns: (next: ReadonlySet<OptionalColumn>) => void;
  /** How sides are added and changed, for declaring the app that wrote a cookie. */
  sideActions?: SideActions;
  /** URL path of the request that last set a cookie (by key and value), when seen. */
  requestPathOf?: (key: string, value: string) => string | null;
}

export function CookiesView({
  listing,
  sides,
  now,
  requestPermission,
  reload,
  onOpenSides,
  host,
  selectedKey,
  onSelect,
  columns,
  onColumns,
  sideActions,
  requestPathOf,
}: Props) {
  const cookies = listing.kind === "ok" ? listing.cookies : null;
  const rows = useMemo(() => (cookies ? buildRows(cookies) : []), [cookies]);

  if (listing.kind === "no-permission") {
    return (
      <PermissionPrompt
        origin={listing.origin}
        requestPermission={requestPermission}
        onGranted={reload}
      />
    );
  }
  if (listing.kind === "unsupported-page")
    return <UnsupportedPage url={listing.url} reason={listing.reason} />;
  if (rows.length === 0) return <NoCookies url={listing.url} />;

  const selected = rows.find((r) => r.key === selectedKey) ?? null;
  return (
    <div class={styles.view}>
      <div class={styles.list}>
        <ColumnPicker shown={columns} onChange={onColumns} />
        <CookieTable
          rows={rows}
          optional={columns}
          selectedKey={selected?.key ?? null}
          onSelect={onSelect}
        />
      </div>
      {selected ? (
        <CookieDetails
          row={selected}
          sides={sides}
          now={now}
          pageUrl={listing.url}
          onOpenSides={onOpenSides}
          host={host}
          jar={cookies ?? []}
          sideActions={sideActions}
          requestPath={requestPathOf?.(selected.key, selected.cookie.value) ?? null}
        />
      ) : (
        <p class={styles.hint}>
          Select a cookie (click, or arrow keys and Enter) to see what is inside and which apps can
          read it.
        </p>
      )}
    </div>
  );
}
