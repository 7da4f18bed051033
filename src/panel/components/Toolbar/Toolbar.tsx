/**
 * The strip at the top: the two views (cookies, sides) as tabs, the inspected page and a
 * re-list button, laid out like a devtools panel toolbar.
 */
import styles from "./Toolbar.module.css";

export type Tab = "cookies" | "sides" | "timeline";

interface Props {
  tab: Tab;
  onTab: (tab: Tab) => void;
  sideCount: number;
  /** Findings on the timeline, shown on its tab. */
  findingCount: number;
  url: string | null;
  onReload: () => void;
}

export function Toolbar({ tab, onTab, sideCount, findingCount, url, onReload }: Props) {
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      class={tab === id ? styles.active : styles.tab}
      onClick={() => onTab(id)}
    >
      {label}
    </button>
  );
  return (
    <div class={styles.toolbar}>
      <strong class={styles.title}>Session Lens</strong>
      <div role="tablist" aria-label="Views" class={styles.tabs}>
        {tabButton("cookies", "Cookies")}
        {tabButton("sides", `Sides (${sideCount})`)}
        {tabButton("timeline", findingCount > 0 ? `Timeline (${findingCount} ⚠)` : "Timeline")}
      </div>
      <span class={styles.url} title={url ?? ""}>
        {url ?? ""}
      </span>
      <button type="button" onClick={onReload} title="List the page's cookies again">
        Reload
      </button>
    </div>
  );
}
