/**
 * The detected format of a cookie as a small badge ("Flask", "Starlette / FastAPI"), from its
 * shape alone; other candidates go in the tooltip. A cookie-session `.sig` cookie gets its own
 * badge so it is not mistaken for an unknown cookie.
 */
import { FORMAT_INFO } from "../../../codec";
import type { FormatId } from "../../../codec/types";
import styles from "./CookieTable.module.css";

export function FormatBadge({ formats, signs }: { formats: readonly FormatId[]; signs?: string }) {
  if (signs !== undefined) {
    return (
      <span
        class={styles.badgeSig}
        title={`cookie-session signature of ${signs}`}
        data-testid="format-badge"
      >
        .sig
      </span>
    );
  }
  const [best] = formats;
  if (!best) return <span class={styles.none}>—</span>;
  const labels = formats.map((f) => FORMAT_INFO[f].label);
  return (
    <span
      class={styles.badge}
      data-format={best}
      data-testid="format-badge"
      title={`Looks like: ${labels.join(", ")}`}
    >
      {labels[0]}
    </span>
  );
}
