/**
 * A text input that owns what the user is typing. The panel re-renders whenever the page sets a
 * cookie (apps re-send theirs on every response), and a plain controlled input would snap back
 * to the stored value on each of those renders. Here the typed text is a local draft from the
 * first keystroke until the field is committed (blur or Enter, the native `change`), and only
 * then handed to `onCommit`; new values from outside show again once nothing is being typed.
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";

type InputProps = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  "value" | "onInput" | "onChange" | "onBlur"
>;

export interface DraftInputProps extends InputProps {
  value: string;
  onCommit: (value: string) => void;
  /** Each keystroke's text, for live hints (hex checks); the draft is kept either way. */
  onDraft?: (value: string) => void;
}

export function DraftInput({ value, onCommit, onDraft, ...rest }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (text: string) => {
    setDraft(null);
    if (text !== value) onCommit(text);
  };
  return (
    <input
      {...rest}
      value={draft ?? value}
      onInput={(e) => {
        setDraft(e.currentTarget.value);
        onDraft?.(e.currentTarget.value);
      }}
      onChange={(e) => commit(e.currentTarget.value)}
      onBlur={(e) => {
        if (draft !== null) commit(e.currentTarget.value);
      }}
    />
  );
}
