/**
 * The sides tab: every app on this origin that shares a session cookie, editable in place and
 * saved through the host on each committed change, plus import/export.
 */
import { keepExistingSecrets } from "../../../analysis/sidesJson";
import type { Side } from "../../../model/side";
import { newSide } from "../../state/sideFactory";
import { SideForm } from "./SideForm";
import styles from "./SidesEditor.module.css";
import { SidesTransfer } from "./SidesTransfer";

interface Props {
  origin: string | null;
  sides: readonly Side[];
  saveError: string | null;
  onChange: (sides: Side[]) => void;
  /** Removes a side (undoably: the App offers Undo). */
  onRemove: (id: string) => void;
}

export function SidesEditor({ origin, sides, saveError, onChange, onRemove }: Props) {
  if (!origin) {
    return (
      <p class={styles.intro}>Open a web page to declare the apps that share its session cookie.</p>
    );
  }
  const replace = (next: Side) => onChange(sides.map((s) => (s.id === next.id ? next : s)));
  return (
    <div class={styles.editor}>
      <p class={styles.intro}>
        Apps that share session cookies on <strong>{origin}</strong>. Each side is one app: its
        format, the cookie it writes, the URL path it serves and its secret. Secrets stay in this
        browser's extension storage.
      </p>
      {saveError && (
        <p class={styles.error} role="alert">
          Could not save: {saveError}
        </p>
      )}
      {sides.map((side) => (
        <SideForm key={side.id} side={side} onChange={replace} onRemove={() => onRemove(side.id)} />
      ))}
      <div class={styles.actions}>
        <button type="button" onClick={() => onChange([...sides, newSide(sides)])}>
          Add side
        </button>
      </div>
      <SidesTransfer
        key={origin}
        origin={origin}
        sides={sides}
        onImport={(imported) => onChange(keepExistingSecrets(imported, sides))}
      />
    </div>
  );
}
