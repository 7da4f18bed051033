/**
 * The session editor for the selected cookie: the decoded session as a tree and as typed JSON
 * (one value), signing for a declared side, a diff of what will change, the write (through the
 * host: every attribute kept, read back, refused writes explained) and the undo history.
 */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { dialectOf } from "../../../analysis/agreementText";
import { findCompanionSig } from "../../../analysis/companion";
import { resignsIdentical, signFor, type TimestampMode } from "../../../analysis/resign";
import { isEmptyDiff, sessionDiff } from "../../../analysis/sessionDiff";
import { sideHasSecret } from "../../../analysis/sideOptions";
import { writesForSigned } from "../../../analysis/writePlan";
import { FORMAT_INFO } from "../../../codec";
import type { Value } from "../../../codec/value";
import { type BrowserCookie, cookieKey } from "../../../model/cookie";
import type { WriteOutcome } from "../../../model/cookieWrite";
import { type HistoryEntry, restoreWrites } from "../../../model/history";
import type { Side } from "../../../model/side";
import type { PanelHost } from "../../../shared/host";
import type { CookieAnalysis } from "../../state/useCookieAnalysis";
import { useVault } from "../../state/useVault";
import { VaultControls } from "../Vault/VaultControls";
import { HistoryList } from "./HistoryList";
import { RawEditor } from "./RawEditor";
import styles from "./SessionEditor.module.css";
import { SignControls } from "./SignControls";
import { TreeEditor } from "./TreeEditor";
import { useSessionEdit } from "./useSessionEdit";

export type EditorHost = Pick<
  PanelHost,
  | "writeCookies"
  | "cookieHistory"
  | "reloadPage"
  | "vaultStatus"
  | "enableVault"
  | "lockVault"
  | "unlockVault"
>;

interface Props {
  cookie: BrowserCookie;
  analysis: CookieAnalysis;
  original: Value;
  sides: readonly Side[];
  jar: readonly BrowserCookie[];
  pageUrl: string;
  host: EditorHost;
}

/** Sides the session can be signed for: they hold session data, and have a secret. */
function signableSides(sides: readonly Side[], name: string): Side[] {
  const usable = sides.filter((s) => FORMAT_INFO[s.format].holdsSessionData && sideHasSecret(s));
  const sharing = usable.filter((s) => s.cookieName === name);
  return sharing.length > 0 ? sharing : usable;
}

export function SessionEditor({ cookie, analysis, original, sides, jar, pageUrl, host }: Props) {
  const display = analysis.display;
  const sourceFormat = display?.result.format ?? "flask";
  const vault = useVault(host);
  const locked = vault.status?.enabled === true && vault.status.locked;
  const edit = useSessionEdit(original, dialectOf(sourceFormat) === "js" ? "js" : "python");
  const candidates = useMemo(() => signableSides(sides, cookie.name), [sides, cookie.name]);
  const verifying = analysis.agreement.judgements.find((j) => j.outcome === "accepts")?.side;
  const [sideId, setSideId] = useState(verifying?.id ?? candidates[0]?.id ?? "");
  const side = candidates.find((s) => s.id === sideId) ?? candidates[0];
  const [mode, setMode] = useState<TimestampMode>("keep");
  const [custom, setCustom] = useState(analysis.now);
  const [confirmed, setConfirmed] = useState(false);
  const [outcome, setOutcomeState] = useState<WriteOutcome | null>(null);
  /** How many writes were answered: lets a watcher tell one outcome from the next. */
  const [answered, setAnswered] = useState(0);
  const setOutcome = (next: WriteOutcome) => {
    setOutcomeState(next);
    setAnswered((n) => n + 1);
  };
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const origin = new URL(pageUrl).origin;
  const key = cookieKey(cookie);

  const loadHistory = useCallback(
    () => host.cookieHistory(origin, key).then(setHistory, () => setHistory([])),
    [host, origin, key],
  );
  // Reloaded when the cookie or its value changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cookie.value is a reload trigger: a write from another panel changes it and adds to the history
  useEffect(() => {
    void loadHistory();
  }, [loadHistory, cookie.value]);

  const sigValue = findCompanionSig(cookie, jar)?.value;
  const original_ts = display?.result.timestamp ?? null;
  const signed = useMemo(
    () =>
      side && edit.valid
        ? signFor({
            side,
            data: edit.value,
            mode,
            original: original_ts,
            custom,
            now: analysis.now,
          })
        : null,
    [side, edit.valid, edit.value, mode, original_ts, custom, analysis.now],
  );
  const identity = useMemo(() => {
    if (!side || !display || verifying?.id !== side.id) return null;
    const c =
      sigValue === undefined ? { value: cookie.value } : { value: cookie.value, sig: sigValue };
    return resignsIdentical(side, display.result, c, analysis.now);
  }, [side, display, verifying, cookie.value, sigValue, analysis.now]);
  const diff = useMemo(() => sessionDiff(original, edit.value), [original, edit.value]);
  const warnings = signed?.ok ? signed.warnings : [];
  const timed = side ? FORMAT_INFO[side.format].layout.timestamp !== null : false;

  const write = async () => {
    if (!signed?.ok) return;
    setBusy(true);
    try {
      edit.followNextOriginal();
      setOutcome(await host.writeCookies(pageUrl, writesForSigned(cookie, signed.signed, jar)));
    } catch (error) {
      setOutcome({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      void loadHistory();
    }
  };
  const restore = async (entry: HistoryEntry) => {
    setBusy(true);
    try {
      edit.followNextOriginal();
      setOutcome(await host.writeCookies(pageUrl, restoreWrites(entry, jar)));
    } catch (error) {
      setOutcome({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      void loadHistory();
    }
  };

  const blocked = !edit.valid
    ? "Fix the marked input first."
    : !side
      ? locked
        ? "Unlock the secret vault to sign."
        : "Declare a side with its secret (Sides tab) to sign for."
      : signed && !signed.ok
        ? signed.reason
        : warnings.length > 0 && !confirmed
          ? "Confirm the conversion above first."
          : null;

  return (
    <section class={styles.editor} data-testid="session-editor" aria-label="Edit the session">
      <div class={styles.modes}>
        <strong>Session</strong>
        <span class={styles.muted}>edit the tree or the typed JSON below: both are one value</span>
        <button type="button" class={styles.small} onClick={edit.reset}>
          Revert edits
        </button>
      </div>
      {edit.textError ? (
        <p class={styles.muted}>
          The typed JSON has an error; the tree shows the last valid value.
        </p>
      ) : null}
      <TreeEditor
        root={edit.value}
        onChange={edit.setValue}
        onLeafError={edit.setLeafError}
        now={analysis.now}
      />
      <RawEditor text={edit.text} error={edit.textError} onText={edit.setText} />
      {candidates.length > 0 && side ? (
        <SignControls
          sides={candidates}
          sideId={side.id}
          onSide={(id) => {
            setSideId(id);
            setConfirmed(false);
          }}
          mode={mode}
          onMode={setMode}
          custom={custom}
          onCustom={setCustom}
          timed={timed}
          warnings={warnings}
          confirmed={confirmed}
          onConfirm={setConfirmed}
          identity={identity}
        />
      ) : locked ? (
        <div>
          <p class={styles.warn}>The secret vault is locked: unlock it to sign.</p>
          <VaultControls vault={vault} />
        </div>
      ) : (
        <p class={styles.warn}>
          No declared side with a secret can sign this cookie: add one in the Sides tab.
        </p>
      )}
      <div class={styles.diff} data-testid="edit-diff">
        <strong>What will change:</strong>{" "}
        {isEmptyDiff(diff) ? (
          <span class={styles.muted}>
            nothing in the session{mode === "keep" ? "" : " (only the signature and time)"}
          </span>
        ) : (
          <ul>
            {diff.added.map((p) => (
              <li key={`+${p}`} class={styles.added}>
                + {p}
              </li>
            ))}
            {diff.removed.map((p) => (
              <li key={`-${p}`} class={styles.removed}>
                − {p}
              </li>
            ))}
            {diff.changed.map((p) => (
              <li key={`~${p}`}>~ {p}</li>
            ))}
          </ul>
        )}
        {signed?.ok && (
          <p class={styles.muted}>
            New value: <code class={styles.value}>{signed.signed.value}</code>
            {signed.signed.sig !== undefined && (
              <>
                {" "}
                and {cookie.name}.sig <code class={styles.value}>{signed.signed.sig}</code>
              </>
            )}
          </p>
        )}
      </div>
      <div class={styles.actions}>
        <button
          type="button"
          data-testid="write-cookie"
          disabled={blocked !== null || busy}
          onClick={() => void write()}
        >
          Sign and write the cookie
        </button>
        <button type="button" data-testid="reload-page" onClick={() => void host.reloadPage()}>
          Reload the page
        </button>
        {blocked && <span class={styles.muted}>{blocked}</span>}
      </div>
      {outcome && (
        <p
          data-testid="write-result"
          data-ok={String(outcome.ok)}
          data-count={String(answered)}
          class={outcome.ok ? styles.ok : styles.errorBox}
          role="status"
        >
          {outcome.ok ? outcome.message : outcome.reason}
        </p>
      )}
      <h3 class={styles.subhead}>Earlier values</h3>
      <HistoryList entries={history} busy={busy} onRestore={(e) => void restore(e)} />
    </section>
  );
}
