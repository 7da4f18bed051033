/**
 * A side's format options other than secrets: salt, key derivation, digest, max_age, and Flask's
 * JSON provider switches. Empty means "the format's default", shown as the placeholder, so a
 * side stores only what differs from the framework's defaults.
 */

import { FORMAT_INFO } from "../../../codec";
import { DIGESTS, KEY_DERIVATIONS } from "../../../codec/types";
import type { Side } from "../../../model/side";
import { DraftInput } from "../Form/DraftInput";
import { MaxAgeField } from "./MaxAgeField";
import styles from "./SidesEditor.module.css";

type Options = Side["options"];

const DERIVATIONS = KEY_DERIVATIONS;

function withOption<K extends keyof Options>(
  options: Options,
  key: K,
  value: Options[K] | undefined,
): Options {
  const next = { ...options };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function triState(v: boolean | undefined): string {
  return v === undefined ? "" : v ? "on" : "off";
}

const fromTriState = (s: string): boolean | undefined => (s === "" ? undefined : s === "on");

export function SideOptionsFields({
  side,
  onChange,
}: {
  side: Side;
  onChange: (options: Options) => void;
}) {
  const { options, format, id } = side;
  const defaults = FORMAT_INFO[format].signing;
  const set = <K extends keyof Options>(key: K, value: Options[K] | undefined) =>
    onChange(withOption(options, key, value));
  const select = (
    key: "keyDerivation" | "digest",
    label: string,
    values: readonly string[],
    fallback: string | undefined,
    onPick: (picked: string) => void,
  ) => (
    <div class={styles.field}>
      <label for={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={options[key] ?? ""}
        onChange={(e) => onPick(e.currentTarget.value)}
      >
        <option value="">default ({fallback})</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
  const flag = (key: "sortKeys" | "ensureAscii", label: string) => (
    <div class={styles.field}>
      <label for={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={triState(options[key])}
        onChange={(e) => set(key, fromTriState(e.currentTarget.value))}
      >
        <option value="">default (on)</option>
        <option value="on">on</option>
        <option value="off">off</option>
      </select>
    </div>
  );
  return (
    <div class={styles.options}>
      {defaults.saltedSigner && (
        <div class={styles.field}>
          <label for={`${id}-salt`}>Salt</label>
          <DraftInput
            id={`${id}-salt`}
            value={options.salt ?? ""}
            placeholder={defaults.salt}
            onCommit={(salt) => set("salt", salt || undefined)}
          />
        </div>
      )}
      {defaults.saltedSigner &&
        select("keyDerivation", "Key derivation", DERIVATIONS, defaults.keyDerivation, (v) =>
          set(
            "keyDerivation",
            DERIVATIONS.find((d) => d === v),
          ),
        )}
      {defaults.digests.length > 1 &&
        select("digest", "Digest", DIGESTS, defaults.digest, (v) =>
          set(
            "digest",
            DIGESTS.find((d) => d === v),
          ),
        )}
      <MaxAgeField
        id={`${id}-maxAge`}
        value={options.maxAge}
        formatDefault={FORMAT_INFO[format].defaultMaxAge}
        onChange={(v) => set("maxAge", v)}
      />
      {format === "flask" && flag("sortKeys", "sort_keys")}
      {format === "flask" && flag("ensureAscii", "ensure_ascii")}
      {format === "flask" && (
        <label class={styles.check}>
          <input
            type="checkbox"
            checked={options.untagged === true}
            onChange={(e) => set("untagged", e.currentTarget.checked || undefined)}
          />
          untagged (starlette-flask)
        </label>
      )}
    </div>
  );
}
