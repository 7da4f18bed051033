/** One row per side that shares the cookie (same cookie name), in the order they were declared. */
import type { SideJudgement } from "../../../analysis/agreement";
import styles from "./Agreement.module.css";
import { SideRow } from "./SideRow";

/** App, Format, Status, Would see, Key: the reading gets the most room. */
const WIDTHS = ["20%", "15%", "13%", "38%", "14%"] as const;

export function AgreementTable({ judgements }: { judgements: readonly SideJudgement[] }) {
  if (judgements.length === 0) return null;
  return (
    <table class={styles.table} aria-label="How each app reads this cookie">
      <colgroup>
        {WIDTHS.map((width, i) => (
          <col key={i} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>App</th>
          <th>Format</th>
          <th>Status</th>
          <th>Would see</th>
          <th>Key</th>
        </tr>
      </thead>
      <tbody>
        {judgements.map((j) => (
          <SideRow key={j.side.id} judgement={j} />
        ))}
      </tbody>
    </table>
  );
}
