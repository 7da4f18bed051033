/** The raw mode: the session as typed JSON (the CLI's), with the located error under it. */
import styles from "./SessionEditor.module.css";

interface Props {
  text: string;
  error: string | null;
  onText: (text: string) => void;
}

export function RawEditor({ text, error, onText }: Props) {
  return (
    <div class={styles.raw}>
      <textarea
        data-testid="session-editor-raw"
        aria-label="Session as typed JSON"
        aria-invalid={error !== null}
        class={styles.textarea}
        spellcheck={false}
        rows={Math.min(24, Math.max(6, text.split("\n").length + 1))}
        value={text}
        onInput={(e) => onText(e.currentTarget.value)}
      />
      {error && (
        <p class={styles.error} data-testid="editor-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
