/**
 * The secret vault's controls: set a passphrase (the stored secrets are then sealed with
 * PBKDF2-SHA-256 + AES-GCM and locked), lock now, or unlock for this browser session. The
 * passphrase field is a password field, cleared after each use, never stored or logged.
 */
import { useState } from "preact/hooks";
import { MIN_PASSPHRASE } from "../../../shared/vault";
import type { VaultState } from "../../state/useVault";
import styles from "./Vault.module.css";

export function VaultControls({ vault }: { vault: VaultState }) {
  const [passphrase, setPassphrase] = useState("");
  const { status } = vault;
  if (!status) return null;
  const locked = status.enabled && status.locked;
  const submit = async (action: (p: string) => Promise<void>) => {
    const given = passphrase;
    setPassphrase("");
    await action(given);
  };
  const field = (
    <input
      type="password"
      autocomplete="off"
      data-testid="vault-passphrase"
      aria-label="Vault passphrase"
      placeholder={status.enabled ? "passphrase" : `new passphrase (${MIN_PASSPHRASE}+ characters)`}
      value={passphrase}
      onInput={(e) => setPassphrase(e.currentTarget.value)}
    />
  );
  return (
    <div class={styles.vault} data-testid="vault" data-locked={String(locked)}>
      <strong>Secret vault</strong>{" "}
      {!status.enabled && (
        <>
          <span class={styles.muted}>
            secrets are stored unencrypted in this browser's extension storage.
          </span>{" "}
          {field}{" "}
          <button
            type="button"
            data-testid="vault-lock"
            disabled={vault.busy || passphrase.length < MIN_PASSPHRASE}
            onClick={() => void submit(vault.enable)}
          >
            Lock secrets with this passphrase
          </button>
        </>
      )}
      {status.enabled && !locked && (
        <>
          <span class={styles.ok}>unlocked for this browser session.</span>{" "}
          <button
            type="button"
            data-testid="vault-lock"
            disabled={vault.busy}
            onClick={() => void vault.lock()}
          >
            Lock now
          </button>
        </>
      )}
      {locked && (
        <>
          <span class={styles.warn}>locked: secrets cannot be read until you unlock.</span> {field}{" "}
          <button
            type="button"
            data-testid="vault-unlock"
            disabled={vault.busy || passphrase === ""}
            onClick={() => void submit(vault.unlock)}
          >
            Unlock
          </button>
        </>
      )}
      {vault.busy && <span class={styles.muted}> working…</span>}
      {vault.error && (
        <p class={styles.error} role="alert">
          {vault.error}
        </p>
      )}
    </div>
  );
}
