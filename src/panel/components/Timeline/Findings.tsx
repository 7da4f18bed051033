/**
 * The named problems, newest first (`finding`, `finding-fix`): what happened, on which rows
 * (`data-evidence`; "Show rows" filters the timeline to them), and the fix to copy.
 */
import type { Finding } from "../../../timeline";
import { CodeText } from "../CodeText/CodeText";
import { CopyButton } from "../Copy/CopyButton";
import styles from "./Timeline.module.css";

/** More than this are summarised: the newest matter most and the list must stay quick. */
const SHOWN = 50;

const TITLES: Record<Finding["kind"], string> = {
  "cross-side-overwrite": "Overwrite across apps",
  "resign-every-response": "Re-signed on every response",
  "double-set-cookie": "Two Set-Cookie in one response",
  "concurrent-race": "Concurrent requests race",
  "deleting-write": "A write deleted a shared session",
  oversize: "Cookie too large: dropped",
  shadowed: "Same cookie on two paths or domains",
};

interface Props {
  findings: readonly Finding[];
  onShow: (finding: Finding) => void;
}

export function Findings({ findings, onShow }: Props) {
  if (findings.length === 0) return null;
  return (
    <ul class={styles.findings} aria-label="Findings">
      {findings.slice(0, SHOWN).map((f) => (
        <li
          key={`${f.kind}:${f.evidence.join(",")}`}
          class={styles.finding}
          data-testid="finding"
          data-kind={f.kind}
          data-evidence={f.evidence.join(" ")}
        >
          <span class={styles.kind}>{TITLES[f.kind]}</span>
          <button type="button" onClick={() => onShow(f)}>
            Show rows {f.evidence.map((s) => `#${s}`).join(", ")}
          </button>
          <p>
            <CodeText text={f.detail} />
          </p>
          <pre class={styles.fix} data-testid="finding-fix">
            {f.fix}
          </pre>
          <CopyButton label="Copy fix" text={() => f.fix} />
        </li>
      ))}
      {findings.length > SHOWN && (
        <li class={styles.note}>
          …and {findings.length - SHOWN} older findings (export to see all).
        </li>
      )}
    </ul>
  );
}
