/**
 * Signing choices: which declared side to sign for (the one that verifies the cookie now is
 * the default), which timestamp to embed, the values the chosen side cannot hold (one warning
 * each, by path, with the consent a lossy conversion needs) and the re-sign check.
 */
import type { ConvertWarning } from "../../../analysis/convertValue";
import type { IdentityCheck, TimestampMode } from "../../../analysis/resign";
import { FORMAT_INFO } from "../../../codec";
import type { Side } from "../../../model/side";
import styles from "./SessionEditor.module.css";

interface Props {
  sides: readonly Side[];
  sideId: string;
  onSide: (id: string) => void;
  mode: TimestampMode;
  onMode: (mode: TimestampMode) => void;
  /** Unix seconds for `custom`. */
  custom: number;
  onCustom: (seconds: number) => void;
  /** Whether the side's format embeds a signing time at all. */
  timed: boolean;
  warnings: readonly ConvertWarning[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  identity: IdentityCheck | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
function localInput(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function SignControls(p: Props) {
  return (
    <div class={styles.sign}>
      <label class={styles.field}>
        Sign for
        <select
          data-testid="sign-for"
          value={p.sideId}
          onChange={(e) => p.onSide(e.currentTarget.value)}
        >
          {p.sides.map((side) => (
            <option key={side.id} value={side.id}>
              {side.label} ({FORMAT_INFO[side.format].label})
            </option>
          ))}
        </select>
      </label>
      {p.timed && (
        <label class={styles.field}>
          Timestamp
          <select
            data-testid="sign-timestamp"
            value={p.mode}
            onChange={(e) => p.onMode(e.currentTarget.value as TimestampMode)}
          >
            <option value="keep">keep the original</option>
            <option value="now">now</option>
            <option value="custom">a chosen time</option>
          </select>
        </label>
      )}
      {p.timed && p.mode === "custom" && (
        <label class={styles.field}>
          Signed at (local time)
          <input
            type="datetime-local"
            step={1}
            data-testid="sign-timestamp-custom"
            value={localInput(p.custom)}
            onInput={(e) => {
              const ms = new Date(e.currentTarget.value).getTime();
              if (Number.isFinite(ms)) p.onCustom(Math.floor(ms / 1000));
            }}
          />
        </label>
      )}
      {p.identity && (
        <p
          data-testid="resign-check"
          data-identical={String(p.identity.kind === "identical")}
          class={p.identity.kind === "identical" ? styles.ok : styles.warn}
        >
          {p.identity.kind === "identical"
            ? "✓ re-signs byte-identical: the unchanged session signed with these settings gives back this exact cookie."
            : p.identity.detail}
        </p>
      )}
      <div class={styles.warnings}>
        <ul data-testid="sign-warnings" aria-label="Values the side cannot hold">
          {p.warnings.map((w) => (
            <li key={w.path + w.message}>
              <code>{w.path}</code>: {w.message}
            </li>
          ))}
        </ul>
        {p.warnings.length > 0 && (
          <label>
            <input
              type="checkbox"
              data-testid="convert-confirm"
              checked={p.confirmed}
              onChange={(e) => p.onConfirm(e.currentTarget.checked)}
            />{" "}
            Write it anyway, with these values changed
          </label>
        )}
      </div>
    </div>
  );
}
