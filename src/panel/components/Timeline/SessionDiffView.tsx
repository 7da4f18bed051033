/**
 * A write's change to the decoded session, in one line: `+key` added, `−key` removed,
 * `~key` changed (`session-diff`).
 */
import type { SessionDiff } from "../../../analysis/sessionDiff";
import styles from "./Timeline.module.css";

export function SessionDiffView({ diff, deleted }: { diff: SessionDiff; deleted: boolean }) {
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <span class={styles.diff} data-testid="session-diff">
      {deleted && <span class={styles.removed}>deleted </span>}
      {none && !deleted && <span class={styles.muted}>same session, re-sent</span>}
      {diff.added.map((k) => (
        <span key={`+${k}`} class={styles.added}>{`+${k} `}</span>
      ))}
      {diff.removed.map((k) => (
        <span key={`-${k}`} class={styles.removed}>{`−${k} `}</span>
      ))}
      {diff.changed.map((k) => (
        <span key={`~${k}`} class={styles.changed}>{`~${k} `}</span>
      ))}
    </span>
  );
}
