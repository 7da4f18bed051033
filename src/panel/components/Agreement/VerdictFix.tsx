/**
 * The fix under the verdict (`verdict-fix`): each way out (`fix-option`, `data-kind` rename ·
 * path · share-format) with its snippets in the frameworks' own words, each copyable.
 */
import type { VerdictFix as Fix } from "../../../analysis/verdictFix";
import { CodeText } from "../CodeText/CodeText";
import { CopyButton } from "../Copy/CopyButton";
import styles from "./Agreement.module.css";

export function VerdictFix({ fix }: { fix: Fix }) {
  return (
    <details class={styles.fix} open data-testid="verdict-fix">
      <summary>How to fix it</summary>
      <p class={styles.fixSummary}>
        <CodeText text={fix.summary} />
      </p>
      {fix.options.map((option) => (
        <section key={option.kind} data-testid="fix-option" data-kind={option.kind}>
          <p class={styles.fixTitle}>{option.title}</p>
          {option.snippets.map((snippet) => (
            <div key={snippet.label} class={styles.snippet}>
              <div class={styles.snippetHead}>
                <span>{snippet.label}</span>
                <CopyButton label="Copy" text={() => snippet.code} />
              </div>
              <pre data-testid="fix-snippet">{snippet.code}</pre>
            </div>
          ))}
        </section>
      ))}
    </details>
  );
}
