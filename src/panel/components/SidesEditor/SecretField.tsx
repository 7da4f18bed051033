/**
 * One secret: masked until its own Show toggle is pressed, text or hex (for binary keys), with
 * the problem shown inline when hex is invalid. Wide, since secrets are long; a paste is
 * committed at once, and Paste reads the clipboard where the browser lets a panel do that. The
 * value goes only to the side (and through it to storage); it is never logged or shown elsewhere.
 */
import { useLayoutEffect, useRef, useState } from "preact/hooks";
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
  /** Focus the field when it first appears (a side just declared from a cookie). */
  autoFocus?: boolean;
}

/** The clipboard's text, or null where the panel may not read it (no permission in DevTools). */
async function clipboardText(): Promise<string | null> {
  try {
    return navigator.clipboard?.readText ? await navigator.clipboard.readText() : null;
  } catch {
    return null;
  }
}

export function SecretField({ id, label, value, onChange, onRemove, autoFocus = false }: Props) {
  const [revealed, setRevealed] = useState(false);
  const [pasteHint, setPasteHint] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Remembered while the field is empty, so choosing "hex" before typing sticks.
  const [chosenEncoding, setChosenEncoding] = useState<StoredSecret["encoding"]>("utf8");
  const encoding = value?.encoding ?? chosenEncoding;
  const problem = value && value.value !== "" ? storedSecretProblem(value) : null;
  const set = (text: string, enc: StoredSecret["encoding"]) =>
    onChange(text === "" && !onRemove ? undefined : { value: text, encoding: enc });
  // When the field appears asking for focus, not on every render; before the next paint, so
  // the cursor is there as soon as the field is.
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const paste = async () => {
    const text = (await clipboardText())?.replace(/[\r\n]+$/, "");
    setPasteHint(!text);
    if (text) set(text, encoding);
    else input.current?.focus();
  };
  return (
    <div class={styles.secretField}>
      <label for={id}>{label}</label>
      <span class={styles.secretRow}>
        <DraftInput
          id={id}
          inputRef={input}
          class={styles.secretInput}
          type={revealed ? "text" : "password"}
          value={value?.value ?? ""}
          autoComplete="off"
          spellcheck={false}
          placeholder={
            encoding === "hex" ? "hex bytes, e.g. 0f1e2d…" : "not set: paste the app's secret"
          }
          aria-invalid={problem !== null}
          commitOnPaste
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
        <button type="button" aria-label={`Paste ${label}`} onClick={() => void paste()}>
          Paste
        </button>
        {onRemove && (
          <button type="button" aria-label={`Remove ${label}`} onClick={onRemove}>
            ✕
          </button>
        )}
      </span>
      {pasteHint && (
        <span class={styles.hint} role="status">
          This panel may not read the clipboard: press Ctrl+V (⌘V) in the field.
        </span>
      )}
      {problem && (
        <span class={styles.error} role="alert">
          {label} is {problem}
        </span>
      )}
    </div>
  );
}
