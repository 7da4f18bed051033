/** A sides file exported for another site (`import-other-origin`): named, imported on request. */
import type { Side } from "../../../model/side";
import styles from "./SidesEditor.module.css";

interface Props {
  /** The site the file was exported for. */
  from: string;
  /** The site being inspected. */
  to: string;
  sides: readonly Side[];
  onAccept: () => void;
  onCancel: () => void;
}

export function OtherOriginOffer({ from, to, sides, onAccept, onCancel }: Props) {
  const labels = sides.map((s) => s.label).join(", ");
  return (
    <div class={styles.offer} role="alert" data-testid="import-other-origin" data-origin={from}>
      <p>
        This file was exported for <strong>{from}</strong> ({sides.length} sides: {labels}). This
        page is on <strong>{to}</strong>.
      </p>
      <div class={styles.actions}>
        <button type="button" onClick={onAccept}>
          Import them for {to}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
