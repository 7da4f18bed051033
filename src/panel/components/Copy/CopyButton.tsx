/**
 * A button that copies text and says so ("Copied") for a moment. The text is built on click,
 * so a large decoded session is serialised only when someone asks for it.
 */
import { useEffect, useState } from "preact/hooks";
import styles from "./CopyButton.module.css";
import { copyText } from "./clipboard";

const FEEDBACK_MS = 1500;

interface Props {
  label: string;
  text: () => string;
  testId?: string;
}

export function CopyButton({ label, text, testId }: Props) {
  const [feedback, setFeedback] = useState<"Copied" | "Copy failed" | null>(null);

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const onClick = async () => setFeedback((await copyText(text())) ? "Copied" : "Copy failed");

  return (
    <span class={styles.wrap}>
      <button type="button" data-testid={testId} onClick={onClick}>
        {label}
      </button>
      {feedback && (
        <span class={feedback === "Copied" ? styles.done : styles.failed} role="status">
          {feedback}
        </span>
      )}
    </span>
  );
}
