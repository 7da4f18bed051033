/**
 * The verdict sentence, coloured by how bad it is, with `names` shown as code. When no side
 * reads the cookie, it offers to declare the app that wrote it (a side filled in from the
 * cookie), or, when the format is not known, the Sides tab.
 */
import type { Agreement } from "../../../analysis/agreement";
import { CodeText } from "../CodeText/CodeText";
import styles from "./Agreement.module.css";

type Tone = "ok" | "problem" | "info";

function toneOf(a: Agreement): Tone {
  const outcomes = a.judgements.map((j) => j.outcome);
  if (outcomes.some((o) => o === "bad-signature" || o === "expired" || o === "cannot-parse"))
    return "problem";
  return outcomes.length > 0 && outcomes.every((o) => o === "accepts") ? "ok" : "info";
}

interface Props {
  agreement: Agreement;
  sentence: string;
  onOpenSides: () => void;
  /** Declares the app that wrote the cookie; absent when that makes no sense now. */
  onDeclare?: () => void;
}

export function Verdict({ agreement, sentence, onOpenSides, onDeclare }: Props) {
  const tone = toneOf(agreement);
  const needsSides = agreement.judgements.length === 0;
  return (
    <div class={styles[tone]} role="status">
      <p class={styles.sentence} data-testid="verdict">
        <CodeText text={sentence} />
      </p>
      {onDeclare ? (
        <button type="button" data-testid="declare-side" onClick={onDeclare}>
          Declare the app that wrote this
        </button>
      ) : (
        needsSides && (
          <button type="button" onClick={onOpenSides}>
            {agreement.declaredSides === 0 ? "Declare sides" : "Edit sides"}
          </button>
        )
      )}
    </div>
  );
}
