/**
 * The selected cookie in full: the verdict first (the answer a developer opened the panel for),
 * then each app's reading, then the decoded session.
 */
import type { Side } from "../../../model/side";
import type { CookieRowModel } from "../../state/cookieRows";
import { useCookieAnalysis } from "../../state/useCookieAnalysis";
import { AgreementTable } from "../Agreement/AgreementTable";
import { Verdict } from "../Agreement/Verdict";
import { DecodedView } from "../Decoded/DecodedView";
import styles from "./CookieDetails.module.css";
import { CopyBar } from "./CopyBar";

interface Props {
  row: CookieRowModel;
  sides: readonly Side[];
  /** Unix seconds. */
  now: number;
  pageUrl: string;
  onOpenSides: () => void;
}

export function CookieDetails({ row, sides, now, pageUrl, onOpenSides }: Props) {
  const analysis = useCookieAnalysis(row, sides, now);
  return (
    <section class={styles.details} aria-label={`Cookie ${row.cookie.name}`}>
      <header class={styles.header}>
        <h2 class={styles.title}>{row.cookie.name}</h2>
        <CopyBar row={row} data={analysis.display?.result.data} pageUrl={pageUrl} />
      </header>
      <Verdict
        agreement={analysis.agreement}
        sentence={analysis.verdict}
        onOpenSides={onOpenSides}
      />
      <AgreementTable judgements={analysis.agreement.judgements} />
      {row.signs === undefined && <DecodedView analysis={analysis} />}
    </section>
  );
}
