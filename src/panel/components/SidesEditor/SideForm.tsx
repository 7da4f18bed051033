/**
 * One side (an app sharing the cookie): label, format, cookie name, the URL path it serves,
 * its secret and fallbacks, and the format's other options behind "Advanced" (most apps keep
 * their framework's defaults). Each committed change hands back a whole new Side, so the
 * parent can save the list in one call.
 */
import { useState } from "preact/hooks";
import { FORMAT_IDS, FORMAT_INFO } from "../../../codec";
import type { FormatId } from "../../../codec/types";
import type { Side, StoredSecret } from "../../../model/side";
import { useItemKeys } from "../../state/useItemKeys";
import { DraftInput } from "../Form/DraftInput";
import { SecretField } from "./SecretField";
import { SideOptionsFields } from "./SideOptionsFields";
import styles from "./SidesEditor.module.css";

interface Props {
  side: Side;
  onChange: (next: Side) => void;
  onRemove: () => void;
  /** Put the cursor in the secret field when the form appears (a side just declared). */
  focusSecret?: boolean;
}

function withFormat(side: Side, format: FormatId): Side {
  const keepName = side.cookieName !== FORMAT_INFO[side.format].defaultCookieName;
  return {
    ...side,
    format,
    cookieName: keepName ? side.cookieName : FORMAT_INFO[format].defaultCookieName,
    options: {},
  };
}

export function SideForm({ side, onChange, onRemove, focusSecret = false }: Props) {
  const id = side.id;
  const fallbackKeys = useItemKeys(side.fallbacks.length);
  // Open from the start when the side already differs from its framework's defaults.
  const [advanced, setAdvanced] = useState(() => Object.keys(side.options).length > 0);
  const text = (
    key: "label" | "cookieName" | "pathPrefix",
    label: string,
    placeholder?: string,
  ) => (
    <div class={styles.field}>
      <label for={`${id}-${key}`}>{label}</label>
      <DraftInput
        id={`${id}-${key}`}
        value={side[key]}
        placeholder={placeholder}
        spellcheck={false}
        onCommit={(next) => onChange({ ...side, [key]: next })}
      />
    </div>
  );
  const setFallback = (index: number, next: StoredSecret | undefined) =>
    onChange({
      ...side,
      fallbacks: side.fallbacks.map((f, i) =>
        i === index ? (next ?? { value: "", encoding: "utf8" }) : f,
      ),
    });
  const setSecret = (secret: StoredSecret | undefined) => {
    const { secret: _old, ...rest } = side;
    onChange(secret ? { ...rest, secret } : rest);
  };
  return (
    <fieldset class={styles.side} data-testid="side-form" aria-label={side.label}>
      <legend>{side.label}</legend>
      <div class={styles.grid}>
        {text("label", "Label", "Flask app")}
        <div class={styles.field}>
          <label for={`${id}-format`}>Format</label>
          <select
            id={`${id}-format`}
            value={side.format}
            onChange={(e) => {
              const format = FORMAT_IDS.find((f) => f === e.currentTarget.value);
              if (format) onChange(withFormat(side, format));
            }}
          >
            {FORMAT_IDS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_INFO[f].label}
              </option>
            ))}
          </select>
        </div>
        {text("cookieName", "Cookie name", FORMAT_INFO[side.format].defaultCookieName)}
        {text("pathPrefix", "Path prefix", "/flask-application")}
        <SecretField
          id={`${id}-secret`}
          label="Secret"
          value={side.secret}
          onChange={setSecret}
          autoFocus={focusSecret}
        />
        {side.fallbacks.map((f, i) => (
          <SecretField
            key={fallbackKeys.keys[i]}
            id={`${id}-fallback-${i}`}
            label={`Fallback ${i + 1}`}
            value={f}
            onChange={(next) => setFallback(i, next)}
            onRemove={() => {
              fallbackKeys.removing(i);
              onChange({ ...side, fallbacks: side.fallbacks.filter((_, j) => j !== i) });
            }}
          />
        ))}
      </div>
      <details
        class={styles.advanced}
        open={advanced}
        data-testid="side-advanced"
        onToggle={(e) => setAdvanced(e.currentTarget.open)}
      >
        <summary>Advanced: {FORMAT_INFO[side.format].label} options</summary>
        {advanced && (
          <SideOptionsFields side={side} onChange={(options) => onChange({ ...side, options })} />
        )}
      </details>
      <div class={styles.actions}>
        <button
          type="button"
          onClick={() =>
            onChange({ ...side, fallbacks: [...side.fallbacks, { value: "", encoding: "utf8" }] })
          }
        >
          Add fallback secret
        </button>
        <button type="button" onClick={onRemove}>
          Remove {side.label}
        </button>
      </div>
    </fieldset>
  );
}
