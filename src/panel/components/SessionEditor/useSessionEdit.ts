/**
 * The editor's one value, seen two ways: the raw typed-JSON text and the tree. Tree edits
 * rewrite the text; text edits that parse replace the value, and text that does not parse
 * keeps the last good value with a located error. Leaf inputs report their own errors by id.
 * Nothing may be written while any error stands (`valid`).
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { editorText, parseEditorText } from "../../../analysis/editText";
import type { Value } from "../../../codec/value";

export interface SessionEdit {
  value: Value;
  text: string;
  textError: string | null;
  leafErrors: ReadonlyMap<number, string>;
  valid: boolean;
  setText(text: string): void;
  setValue(value: Value): void;
  setLeafError(id: number, message: string | null): void;
  reset(): void;
  /** After a write: take the next original (the cookie as read back) even though it was edited. */
  followNextOriginal(): void;
}

export function useSessionEdit(original: Value, dialect: "python" | "js"): SessionEdit {
  const originalText = editorText(original);
  const [value, setValueState] = useState<Value>(original);
  const [text, setTextState] = useState(originalText);
  const [textError, setTextError] = useState<string | null>(null);
  const [leafErrors, setLeafErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const base = useRef(originalText);
  const follow = useRef(false);

  // A new original (the cookie was rewritten) replaces the draft only when it was not edited.
  useEffect(() => {
    if (base.current === originalText) return;
    const untouched = text === base.current || follow.current;
    base.current = originalText;
    follow.current = false;
    if (untouched) {
      setValueState(original);
      setTextState(originalText);
      setTextError(null);
    }
  }, [originalText, original, text]);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      const parsed = parseEditorText(next, dialect);
      if (parsed.ok) {
        setValueState(parsed.value);
        setTextError(null);
      } else setTextError(parsed.message);
    },
    [dialect],
  );

  const setValue = useCallback((next: Value) => {
    setValueState(next);
    setTextState(editorText(next));
    setTextError(null);
  }, []);

  const setLeafError = useCallback((id: number, message: string | null) => {
    setLeafErrors((errors) => {
      if ((errors.get(id) ?? null) === message) return errors;
      const next = new Map(errors);
      if (message === null) next.delete(id);
      else next.set(id, message);
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setValueState(original);
    setTextState(originalText);
    setTextError(null);
    setLeafErrors(new Map());
  }, [original, originalText]);

  const followNextOriginal = useCallback(() => {
    follow.current = true;
  }, []);

  return {
    followNextOriginal,
    value,
    text,
    textError,
    leafErrors,
    valid: textError === null && leafErrors.size === 0,
    setText,
    setValue,
    setLeafError,
    reset,
  };
}
