/**
 * The cookie's undo history on this site, newest first: what each panel write replaced, with a
 * restore button. A restore is written like any other write, so it lands in the history too.
 */
import type { HistoryEntry } from "../../../model/history";
import styles from "./SessionEditor.module.css";

interface Props {
  entries: readonly HistoryEntry[];
  busy: boolean;
  onRestore: (entry: HistoryEntry) => void;
}

const time = (ms: number) => new Date(ms).toLocaleString();

export function HistoryList({ entries, busy, onRestore }: Props) {
  if (entries.length === 0) {
    return (
      <p class={styles.muted}>No earlier values yet: each write keeps the one it replaces here.</p>
    );
  }
  return (
    <ol class={styles.history} aria-label="Earlier values">
      {entries.map((entry) => (
        <li key={entry.at} data-testid="history-row" data-at={String(entry.at)}>
          <span class={styles.muted}>replaced {time(entry.at)}:</span>{" "}
          <code class={styles.value}>
            {entry.cookies.map((c) => `${c.name}=${c.value}`).join("; ")}
          </code>{" "}
          <button
            type="button"
            data-testid="history-restore"
            disabled={busy}
            onClick={() => onRestore(entry)}
          >
            Restore
          </button>
        </li>
      ))}
    </ol>
  );
}
