/**
 * "Audit secret" on the selected cookie: is its signing secret one of the known public ones?
 * The result names the secret and what to do about it (rotate it, keep the old one as a
 * fallback while sessions move over, how to make a strong one for that framework).
 */
import { useState } from "preact/hooks";
import type { AuditPool } from "../../../audit/coordinator";
import type { AuditJob } from "../../../audit/protocol";
import { FORMAT_INFO, type FormatId } from "../../../codec";
import { utf8Decode } from "../../../codec/bytes";
import { useFileDrop } from "../../state/useFileDrop";
import styles from "./Audit.module.css";
import { type AuditState, useAudit } from "./useAudit";

export interface AuditHost {
  auditPool?(): AuditPool;
}

const ROTATE: Record<FormatId, string> = {
  flask:
    "set a new SECRET_KEY and move the old one to SECRET_KEY_FALLBACKS until sessions renew; make one with python -c 'import secrets; print(secrets.token_hex(32))'",
  starlette:
    "give SessionMiddleware a new secret_key (python -c 'import secrets; print(secrets.token_urlsafe(32))'); sessions signed with the old one end",
  django:
    "set a new SECRET_KEY and list the old one in SECRET_KEY_FALLBACKS until sessions renew; make one with django.core.management.utils.get_random_secret_key()",
  itsdangerous:
    "sign with a new secret and keep the old one in the secret key list until tokens renew (python -c 'import secrets; print(secrets.token_hex(32))')",
  "cookie-session":
    "put a new key first in keys (openssl rand -hex 32) and keep the old one after it until sessions renew",
  "express-session":
    "put a new secret first in the secret array (openssl rand -hex 32); the old one after it keeps sessions alive meanwhile",
};

function secretText(bytes: Uint8Array): string {
  const text = utf8Decode(bytes);
  if (text === null)
    return `bytes ${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  return text === "" ? "the empty string" : JSON.stringify(text);
}

/** Saves a found secret to its side (of the format it verified); says which side. */
export type SaveSecret = (secret: Uint8Array, format: FormatId) => string;

function SaveButton({
  secret,
  format,
  onSave,
}: {
  secret: Uint8Array;
  format: FormatId;
  onSave: SaveSecret;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  if (saved !== null) return <p data-testid="audit-saved">{saved}</p>;
  return (
    <button type="button" data-testid="audit-save" onClick={() => setSaved(onSave(secret, format))}>
      Save the secret to its side
    </button>
  );
}

function Result({ state, onSave }: { state: AuditState; onSave: SaveSecret | undefined }) {
  if (state.phase !== "done") return null;
  const { outcome, listed, notes, format, formats } = state;
  const common = {
    "data-testid": "audit-result",
    "data-found": String(outcome.found),
    "data-tried": String(outcome.tried),
    "data-seconds": outcome.seconds.toFixed(3),
  };
  if (outcome.found && outcome.secret !== null) {
    return (
      <div class={styles.found} role="alert" {...common}>
        <p>
          Found: the secret is <code>{secretText(outcome.secret)}</code> (
          {state.known ? "one of the publicly known secrets" : "from your list"}) — anyone who knows
          it can forge this {FORMAT_INFO[format].label} session.
        </p>
        <p>What to do: {ROTATE[format]}.</p>
        {onSave && <SaveButton secret={outcome.secret} format={format} onSave={onSave} />}
      </div>
    );
  }
  return (
    <div class={styles.clear} {...common}>
      {outcome.cancelled ? "Stopped after " : "Not in "}
      {outcome.cancelled ? outcome.tried.toLocaleString("en-US") : listed.toLocaleString("en-US")}{" "}
      known secrets{notes ? " or your list" : ""}
      {formats.length > 1 && ` as ${formats.map((f) => FORMAT_INFO[f].label).join(", ")}`} (checked{" "}
      {outcome.tried.toLocaleString("en-US")} in {outcome.seconds.toFixed(2)} s).
      {notes?.binary && " Your list is not UTF-8 text; its lines were tried as raw bytes."}
    </div>
  );
}

/** 1.2 MB, 640 kB, 512 B: a list's size at a glance. */
function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} B`;
}

/** Key it by the cookie and its value: each value gets its own audit (see useAudit). */
export function AuditSection({
  pool,
  jobs,
  onSave,
}: {
  pool: AuditPool;
  /** The cookie as each format it may be, tried in turn (see analysis/auditFormats.ts). */
  jobs: readonly [AuditJob, ...AuditJob[]];
  /** Without it there is nowhere to save a found secret (no sides for this page). */
  onSave?: SaveSecret;
}) {
  const { state, start, cancel } = useAudit(pool, jobs);
  const [file, setFile] = useState<File | null>(null);
  // Remounts the file input, so it never shows a list other than the one that will be tried.
  const [inputKey, setInputKey] = useState(0);
  const choose = (next: File | null) => {
    setFile(next);
    setInputKey((k) => k + 1);
  };
  const running = state.phase === "running";
  const { dragging, dropProps } = useFileDrop(choose, !running);
  return (
    <section
      class={`${styles.audit} ${dragging ? styles.drop : ""}`}
      aria-label="Secret audit: drop a wordlist here to try it too"
      {...dropProps}
    >
      {running ? (
        <div class={styles.row}>
          <progress
            data-testid="audit-progress"
            data-tried={String(state.progress.tried)}
            data-rate={String(Math.round(state.progress.rate))}
            max={1}
            value={
              state.progress.eta === null
                ? undefined
                : state.progress.seconds / (state.progress.seconds + state.progress.eta)
            }
          />
          <span>
            {state.progress.tried.toLocaleString("en-US")} tried ·{" "}
            {Math.round(state.progress.rate).toLocaleString("en-US")}/s
          </span>
          <button type="button" data-testid="audit-cancel" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div class={styles.row}>
          <button type="button" data-testid="audit-start" onClick={() => void start(file)}>
            Audit secret
          </button>
          <label>
            Own wordlist{" "}
            <input
              key={inputKey}
              type="file"
              data-testid="audit-wordlist"
              onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
            />
          </label>
          {file ? (
            <span data-testid="audit-wordlist-name">
              then {file.name} ({formatBytes(file.size)}){" "}
              <button type="button" onClick={() => choose(null)}>
                Remove
              </button>
            </span>
          ) : (
            <span class={styles.hint}>or drop one here</span>
          )}
        </div>
      )}
      {state.phase === "error" && <p role="alert">{state.message}</p>}
      <Result state={state} onSave={onSave} />
    </section>
  );
}
