/** "Columns": the optional cookie-table columns as checkboxes, in a small disclosure. */
import { useState } from "preact/hooks";
import styles from "./CookieTable.module.css";
import { OPTIONAL_COLUMNS, OPTIONAL_LABELS, type OptionalColumn } from "./columns";

interface Props {
  shown: ReadonlySet<OptionalColumn>;
  onChange: (next: ReadonlySet<OptionalColumn>) => void;
}

export function ColumnPicker({ shown, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = (column: OptionalColumn, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(column);
    else next.delete(column);
    onChange(next);
  };
  return (
    <div class={styles.picker}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="cookie-columns"
        onClick={() => setOpen(!open)}
      >
        Columns{shown.size > 0 ? ` (+${shown.size})` : ""}
      </button>
      {open && (
        <fieldset id="cookie-columns" class={styles.pickerList} data-testid="column-picker">
          <legend>Optional columns</legend>
          {OPTIONAL_COLUMNS.map((column) => (
            <label key={column}>
              <input
                type="checkbox"
                checked={shown.has(column)}
                onChange={(e) => toggle(column, e.currentTarget.checked)}
              />
              {OPTIONAL_LABELS[column]}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
