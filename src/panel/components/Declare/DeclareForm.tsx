/**
 * The side just declared from the selected cookie (`declare-form`), edited where the verdict
 * is: the cursor waits in its secret field, and each committed change re-judges the cookie at
 * once. Done closes the form; the side stays (and is on the Sides tab like any other).
 */
import type { Side } from "../../../model/side";
import { SideForm } from "../SidesEditor/SideForm";
import styles from "./Declare.module.css";

interface Props {
  side: Side;
  cookieName: string;
  onChange: (next: Side) => void;
  onRemove: () => void;
  onDone: () => void;
}

export function DeclareForm({ side, cookieName, onChange, onRemove, onDone }: Props) {
  return (
    <section class={styles.declare} data-testid="declare-form" aria-label="Declare the app">
      <p class={styles.intro}>
        Filled in from the cookie <code>{cookieName}</code>: check the format and path, then paste
        the app's secret. The verdict above follows each change.
      </p>
      <SideForm side={side} onChange={onChange} onRemove={onRemove} focusSecret />
      <button type="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
