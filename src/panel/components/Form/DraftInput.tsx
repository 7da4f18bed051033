/**
 * A text input that owns what the user is typing. The panel re-renders whenever the page sets a
 * cookie (apps re-send theirs on every response), and a plain controlled input would snap back
 * to the stored value on each of those renders. Here the typed text is a local draft from the
 * first keystroke until the field is committed (blur or Enter, the native `change`), and only
 * then handed to `onCommit`; new values from outside show again once nothing is being typed.
 */
import type { JSX, Ref } from "preact";
import { useRef, useState } from "preact/hooks";

type InputProps = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  "value" | "onInput" | "onChange" | "onBlur" | "onPaste" | "ref"
>;

export interface DraftInputProps extends InputProps {
  value: string;
  onCommit: (value: string) => void;
  /** Each keystroke's text, for live hints (hex checks); the draft is kept either way. */
  onDraft?: (value: string) => void;
  /** A paste is committed at once (a pasted secret is whole; nothing more will be typed). */
  commitOnPaste?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function DraftInput({
  value,
  onCommit,
  onDraft,
  commitOnPaste = false,
  inputRef,
  ...rest
}: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const pasting = useRef(false);
  const commit = (text: string) => {
    setDraft(null);
    if (text !== value) onCommit(text);
  };
  return (
    <input
      {...rest}
      ref={inputRef}
      value={draft ?? value}
      onPaste={() => {
        pasting.current = commitOnPaste;
      }}
      onInput={(e) => {
        const text = e.currentTarget.value;
        if (pasting.current) {
          pasting.current = false;
          commit(text);
          return;
        }
        setDraft(text);
        onDraft?.(text);
      }}
      onChange={(e) => commit(e.currentTarget.value)}
      onBlur={(e) => {
        if (draft !== null) commit(e.currentTarget.value);
      }}
    />
  );
}
