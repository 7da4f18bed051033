/**
 * max_age as three choices: the format's default, none (no expiry check, e.g. starlette-flask),
 * or a number of seconds.
 */
import { DraftInput } from "../Form/DraftInput";
import styles from "./SidesEditor.module.css";

interface Props {
  id: string;
  /** undefined = format default, null = none. */
  value: number | null | undefined;
  formatDefault: number | null;
  onChange: (next: number | null | undefined) => void;
}

export function MaxAgeField({ id, value, formatDefault, onChange }: Props) {
  const mode = value === undefined ? "default" : value === null ? "none" : "seconds";
  const onMode = (next: string) => {
    if (next === "default") onChange(undefined);
    else if (next === "none") onChange(null);
    else onChange(typeof value === "number" ? value : (formatDefault ?? 3600));
  };
  return (
    <div class={styles.field}>
      <label for={id}>max_age</label>
      <span class={styles.secretRow}>
        <select id={id} value={mode} onChange={(e) => onMode(e.currentTarget.value)}>
          <option value="default">
            default ({formatDefault === null ? "none" : `${formatDefault} s`})
          </option>
          <option value="none">none (never expires)</option>
          <option value="seconds">seconds…</option>
        </select>
        {mode === "seconds" && (
          <DraftInput
            type="number"
            min={0}
            step={1}
            aria-label="max_age in seconds"
            class={styles.number}
            value={String(value)}
            onCommit={(text) => {
              const n = Number(text);
              if (Number.isInteger(n) && n >= 0) onChange(n);
            }}
          />
        )}
      </span>
    </div>
  );
}
