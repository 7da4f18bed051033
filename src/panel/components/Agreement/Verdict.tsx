/**
 * The verdict sentence, coloured by how bad it is, with `names` shown as code. When no side
 * matches yet, it offers the way to declare one.
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
}

export function Verdict({ agreement, sentence, onOpenSides }: Props) {
  const tone = toneOf(agreement);
  const needsSides = agreement.judgements.length === 0;
  return (
    <div class={styles[tone]} role="status">
      <p class={styles.sentence} data-testid="verdict">
        <CodeText text={sentence} />
      </p>
      {needsSides && (
        <button type="button" onClick={onOpenSides}>
          {agreement.declaredSides === 0 ? "Declare sides" : "Edit sides"}
        </button>
      )}
    </div>
  );
}
