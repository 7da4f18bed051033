/**
 * Import and export of the sides as JSON. Export leaves secrets out unless "include secrets" is
 * ticked; import replaces the list only when the whole file is valid, and otherwise lists each
 * problem and leaves the current sides alone.
 */
import { useState } from "preact/hooks";
import { exportSides, parseSidesJson } from "../../../analysis/sidesJson";
import type { Side } from "../../../model/side";
import { makeSideId } from "../../state/sideFactory";
import { CopyButton } from "../Copy/CopyButton";
import styles from "./SidesEditor.module.css";

interface Props {
  origin: string;
  sides: readonly Side[];
  onImport: (sides: Side[]) => void;
}

export function SidesTransfer({ origin, sides, onImport }: Props) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [importText, setImportText] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [imported, setImported] = useState<number | null>(null);

  const doExport = () => setExported(exportSides(sides, { includeSecrets, origin }));
  const doImport = (text: string) => {
    const result = parseSidesJson(text, makeSideId);
    setImported(result.ok ? result.sides.length : null);
    setErrors(result.ok ? [] : result.errors);
    if (result.ok) onImport(result.sides);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setImportText(text);
    doImport(text);
  };

  return (
    <section class={styles.transfer} aria-label="Import and export">
      <div class={styles.actions}>
        <label class={styles.check}>
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.currentTarget.checked)}
          />
          include secrets
        </label>
        <button type="button" onClick={doExport}>
          Export sides
        </button>
        {exported !== null && (
          <CopyButton label="Copy export" testId="copy-export" text={() => exported} />
        )}
      </div>
      {exported !== null && (
        <textarea
          class={styles.json}
          readOnly
          data-testid="export-json"
          aria-label="Exported sides JSON"
          value={exported}
        />
      )}
      <div class={styles.actions}>
        <textarea
          class={styles.json}
          aria-label="Sides JSON to import"
          placeholder='Paste an exported sides file: {"sides": [ … ]}'
          value={importText}
          onInput={(e) => setImportText(e.currentTarget.value)}
        />
      </div>
      <div class={styles.actions}>
        <button type="button" onClick={() => doImport(importText)}>
          Import sides
        </button>
        <label class={styles.file}>
          or from a file{" "}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => onFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {errors.length > 0 && (
        <div class={styles.error} role="alert" data-testid="import-errors">
          <p>Nothing was imported; the current sides are unchanged:</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {imported !== null && <p role="status">Imported {imported} sides.</p>}
    </section>
  );
}
