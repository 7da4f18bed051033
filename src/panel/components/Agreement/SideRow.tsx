/** One app's reading of the cookie: status, what its code would get, and which key verified. */
import type { SideJudgement } from "../../../analysis/agreement";
import { OUTCOME_LABEL, seesText } from "../../../analysis/agreementText";
import { FORMAT_INFO } from "../../../codec";
import styles from "./Agreement.module.css";

export function SideRow({ judgement }: { judgement: SideJudgement }) {
  const { side, outcome, result, key } = judgement;
  const sees = seesText(judgement);
  return (
    <tr data-testid="side-row" data-side-id={side.id} data-outcome={outcome}>
      <td title={`path prefix ${side.pathPrefix}`}>
        {side.label}
        <span class={styles.muted}> {side.pathPrefix}</span>
      </td>
      <td>{FORMAT_INFO[side.format].label}</td>
      <td>
        <span class={styles[`status-${outcome}`]} title={result.detail} data-testid="side-status">
          {OUTCOME_LABEL[outcome]}
        </span>
      </td>
      <td class={styles.sees} title={sees}>
        {sees}
      </td>
      <td>{key ?? "—"}</td>
    </tr>
  );
}
