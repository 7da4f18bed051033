/**
 * The Session Lens panel: the inspected page's session cookies, what is inside each, and whether
 * every app that shares a cookie can read it. Everything browser-specific comes through the
 * PanelHost, so the extension and the inline shell render this same component.
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { CookieListing } from "../model/cookie";
import type { PanelHost } from "../shared/host";
import { writingRequestPath } from "../timeline";
import styles from "./App.module.css";
import { CookiesView } from "./components/CookiesView/CookiesView";
import { SidesEditor } from "./components/SidesEditor/SidesEditor";
import { TimelineView } from "./components/Timeline/TimelineView";
import { UndoRemove } from "./components/Toast/UndoRemove";
import { type Tab, Toolbar } from "./components/Toolbar/Toolbar";
import { VaultControls } from "./components/Vault/VaultControls";
import { useColumns } from "./state/useColumns";
import { listingOrigin, useListing } from "./state/useListing";
import { useSideActions } from "./state/useSideActions";
import { useSides } from "./state/useSides";
import { useTheme } from "./state/useTheme";
import { useTimeline, useTimelineRecords } from "./state/useTimeline";
import { useVault } from "./state/useVault";
import "./theme.css";

export interface AppProps {
  host: PanelHost;
  /** Clock in milliseconds since the epoch (Date.now by default); tests pin it. */
  now?: () => number;
  /** A cookie listing already in hand for the first frame (see useListing). */
  initialListing?: CookieListing | null;
}

export function App({ host, now = Date.now, initialListing = null }: AppProps): JSX.Element {
  const theme = useTheme(host);
  const { listing, error, reload } = useListing(host, initialListing);
  const origin = listingOrigin(listing);
  const vault = useVault(host);
  const { sides, saveError, setSides } = useSides(host, origin, vault.generation);
  const [tab, setTab] = useState<Tab>("cookies");
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [columns, setColumns] = useColumns(host);
  const sideActions = useSideActions(sides, setSides, origin);
  const timeline = useTimeline(useTimelineRecords(host), sides);
  const nowSeconds = Math.floor(now() / 1000);

  let body: JSX.Element;
  if (tab === "timeline") {
    body = (
      <TimelineView live={timeline} sides={sides} onReloadPage={() => void host.reloadPage()} />
    );
  } else if (tab === "sides") {
    body = (
      <>
        <VaultControls vault={vault} />
        <SidesEditor
          origin={origin}
          sides={sides}
          saveError={saveError}
          onChange={setSides}
          onRemove={sideActions.remove}
        />
      </>
    );
  } else if (error !== null) {
    body = (
      <p class={styles.message} role="alert">
        Could not list the page's cookies: {error}{" "}
        <button type="button" onClick={() => void reload()}>
          Try again
        </button>
      </p>
    );
  } else if (listing === null) {
    body = <p class={styles.message}>Reading cookies…</p>;
  } else {
    body = (
      <CookiesView
        listing={listing}
        sides={sides}
        now={nowSeconds}
        requestPermission={(o) => host.requestHostPermission(o)}
        reload={() => void reload()}
        onOpenSides={() => setTab("sides")}
        host={host}
        selectedKey={selectedKey}
        onSelect={setSelectedKey}
        columns={columns}
        onColumns={setColumns}
        sideActions={sideActions}
        requestPathOf={(key, value) => writingRequestPath(timeline.writes, key, value)}
      />
    );
  }

  return (
    <div class={styles.app} data-theme={theme}>
      <Toolbar
        tab={tab}
        onTab={setTab}
        sideCount={sides.length}
        findingCount={timeline.findings.length}
        url={listing?.url ?? null}
        onReload={() => void reload()}
      />
      {sideActions.removed && (
        <UndoRemove
          removed={sideActions.removed}
          onUndo={sideActions.undo}
          onDismiss={sideActions.dismiss}
        />
      )}
      <main class={styles.main}>{body}</main>
    </div>
  );
}
