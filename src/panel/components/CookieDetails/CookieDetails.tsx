/**
 * The selected cookie in full: the verdict first (the answer a developer opened the panel for),
 * then each app's reading, then the decoded session.
 */
import { useState } from "preact/hooks";
import { auditFormats, auditSigning } from "../../../analysis/auditFormats";
import type { AuditJob } from "../../../audit/protocol";
import { FORMAT_INFO, type FormatId } from "../../../codec";
import type { BrowserCookie } from "../../../model/cookie";
import type { Side } from "../../../model/side";
import type { CookieRowModel } from "../../state/cookieRows";
import { saveFoundSecret } from "../../state/saveFoundSecret";
import { useCookieAnalysis } from "../../state/useCookieAnalysis";
import { useDeclare } from "../../state/useDeclare";
import type { SideActions } from "../../state/useSideActions";
import { AgreementTable } from "../Agreement/AgreementTable";
import { Verdict } from "../Agreement/Verdict";
import { VerdictFix } from "../Agreement/VerdictFix";
import { type AuditHost, AuditSection } from "../Audit/AuditSection";
import { CookieAttributes } from "../CookieAttributes/CookieAttributes";
import { DeclareForm } from "../Declare/DeclareForm";
import { DecodedView } from "../Decoded/DecodedView";
import { type EditorHost, SessionEditor } from "../SessionEditor/SessionEditor";
import styles from "./CookieDetails.module.css";
import { CopyBar } from "./CopyBar";

interface Props {
  row: CookieRowModel;
  sides: readonly Side[];
  /** Unix seconds. */
  now: number;
  pageUrl: string;
  onOpenSides: () => void;
  /** Where edits are written (without it the cookie is read-only); its audit workers. */
  host?: EditorHost & AuditHost;
  /** Every cookie of the page (for a cookie-session `.sig` companion and undo). */
  jar?: readonly BrowserCookie[];
  /** How sides are added and changed (without it, no declaring here). */
  sideActions?: SideActions;
  /** URL path of the request that set this cookie, when one was seen. */
  requestPath?: string | null;
}

export function CookieDetails({
  row,
  sides,
  now,
  pageUrl,
  onOpenSides,
  host,
  jar = [],
  sideActions,
  requestPath = null,
}: Props) {
  const analysis = useCookieAnalysis(row, sides, now);
  const declaring = useDeclare(row, analysis, sides, sideActions, requestPath);
  const [editing, setEditing] = useState(false);
  const data = analysis.display?.result.data;
  const editable =
    host !== undefined &&
    data !== undefined &&
    analysis.display !== null &&
    FORMAT_INFO[analysis.display.result.format].holdsSessionData;
  const [auditFormat, ...alsoFormats] =
    row.signs === undefined ? auditFormats(analysis.display, row.formats) : [];
  const auditJob = (format: FormatId): AuditJob => ({
    format,
    cookie: row.cookie.value,
    options: { name: row.cookie.name, sig: row.sig, ...auditSigning(analysis.display, format) },
  });
  return (
    <section class={styles.details} aria-label={`Cookie ${row.cookie.name}`}>
      <header class={styles.header}>
        <h2 class={styles.title}>{row.cookie.name}</h2>
        <CopyBar row={row} data={analysis.display?.result.data} pageUrl={pageUrl} />
        {editable && (
          <button
            type="button"
            data-testid="edit-session"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {editing ? "Close the editor" : "Edit session…"}
          </button>
        )}
      </header>
      {editable && editing && (
        <SessionEditor
          key={row.key}
          cookie={row.cookie}
          analysis={analysis}
          original={data}
          sides={sides}
          jar={jar}
          pageUrl={pageUrl}
          host={host}
        />
      )}
      <Verdict
        agreement={analysis.agreement}
        sentence={analysis.verdict}
        onOpenSides={onOpenSides}
        onDeclare={declaring.declare}
      />
      {declaring.side && sideActions && (
        <DeclareForm
          key={declaring.side.id}
          side={declaring.side}
          cookieName={row.cookie.name}
          onChange={sideActions.replace}
          onRemove={() => sideActions.remove(declaring.side?.id ?? "")}
          onDone={declaring.done}
        />
      )}
      <AgreementTable judgements={analysis.agreement.judgements} />
      {analysis.fix && <VerdictFix fix={analysis.fix} />}
      <CookieAttributes row={row} now={now} />
      {auditFormat !== undefined && host?.auditPool && (
        <AuditSection
          key={`${row.key}\u0000${row.cookie.value}`}
          pool={host.auditPool()}
          jobs={[auditJob(auditFormat), ...alsoFormats.map(auditJob)]}
          onSave={
            sideActions &&
            saveFoundSecret(
              { cookieName: row.cookie.name, cookiePath: row.cookie.path, requestPath },
              sides,
              sideActions,
            )
          }
        />
      )}
      {row.signs === undefined && <DecodedView analysis={analysis} />}
    </section>
  );
}
