/** "Removed Flask app · Undo" after a side is removed (`removed-side`, `undo-remove`). */
import type { RemovedSide } from "../../state/useSideActions";
import styles from "./Toast.module.css";

interface Props {
  removed: RemovedSide;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoRemove({ removed, onUndo, onDismiss }: Props) {
  return (
    <div class={styles.toast} role="status" data-testid="removed-side">
      <span>Removed {removed.side.label}</span>
      <span aria-hidden="true">·</span>
      <button type="button" data-testid="undo-remove" onClick={onUndo}>
        Undo
      </button>
      <button
        type="button"
        class={styles.dismiss}
        aria-label="Dismiss"
        title="Dismiss"
        onClick={onDismiss}
      >
        ✕
      </button>
    </div>
  );
}
