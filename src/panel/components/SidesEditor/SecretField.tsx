/**
 * One secret: masked until its own Show toggle is pressed, text or hex (for binary keys), with
 * the problem shown inline when hex is invalid. The value goes only to the side (and through it
 * to storage); it is never logged or shown elsewhere.
 */
import { useState } from "preact/hooks";
import { storedSecretProblem } from "../../../analysis/sideOptions";
import type { StoredSecret } from "../../../model/side";
import { DraftInput } from "../Form/DraftInput";
import styles from "./SidesEditor.module.css";

interface Props {
  id: string;
  label: string;
  value: StoredSecret | undefined;
  onChange: (next: StoredSecret | undefined) => void;
  onRemove?: () => void;
}

export function SecretField({ id, label, value, onChange, onRemove }: Props) {
  const [revealed, setRevealed] = useState(false);
  // Remembered while the field is empty, so choosing "hex" before typing sticks.
  const [chosenEncoding, setChosenEncoding] = useState<StoredSecret["encoding"]>("utf8");
  const encoding = value?.encoding ?? chosenEncoding;
  const problem = value && value.value !== "" ? storedSecretProblem(value) : null;
  const set = (text: string, enc: StoredSecret["encoding"]) =>
    onChange(text === "" && !onRemove ? undefined : { value: text, encoding: enc });
  return (
    <div class={styles.field}>
      <label for={id}>{label}</label>
      <span class={styles.secretRow}>
        <DraftInput
          id={id}
          class={styles.secretInput}
          type={revealed ? "text" : "password"}
          value={value?.value ?? ""}
          autoComplete="off"
          spellcheck={false}
          placeholder={encoding === "hex" ? "hex bytes, e.g. 0f1e2d…" : "not set"}
          aria-invalid={problem !== null}
          onCommit={(text) => set(text, encoding)}
        />
        <select
          aria-label={`${label} encoding`}
          value={encoding}
          onChange={(e) => {
            const next = e.currentTarget.value === "hex" ? "hex" : "utf8";
            setChosenEncoding(next);
            set(value?.value ?? "", next);
          }}
        >
          <option value="utf8">text</option>
          <option value="hex">hex</option>
        </select>
        <button
          type="button"
          aria-pressed={revealed}
          aria-label={`${revealed ? "Hide" : "Show"} ${label}`}
          onClick={() => setRevealed(!revealed)}
        >
          {revealed ? "Hide" : "Show"}
        </button>
        {onRemove && (
          <button type="button" aria-label={`Remove ${label}`} onClick={onRemove}>
            ✕
          </button>
        )}
      </span>
      {problem && (
        <span class={styles.error} role="alert">
          {label} is {problem}
        </span>
      )}
    </div>
  );
}
