/** One row per side that shares the cookie (same cookie name), in the order they were declared. */
import type { SideJudgement } from "../../../analysis/agreement";
import styles from "./Agreement.module.css";
import { SideRow } from "./SideRow";

/** The columns and their widths: the reading gets the most room. */
const COLUMNS = [
  { title: "App", width: "20%" },
  { title: "Format", width: "15%" },
  { title: "Status", width: "13%" },
  { title: "Would see", width: "38%" },
  { title: "Key", width: "14%" },
] as const;

export function AgreementTable({ judgements }: { judgements: readonly SideJudgement[] }) {
  if (judgements.length === 0) return null;
  return (
    <table class={styles.table} aria-label="How each app reads this cookie">
      <colgroup>
        {COLUMNS.map(({ title, width }) => (
          <col key={title} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {COLUMNS.map(({ title }) => (
            <th key={title}>{title}</th>
          ))}
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
