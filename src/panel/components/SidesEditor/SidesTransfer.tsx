/**
 * Import and export of the sides as JSON. Export leaves secrets out unless "include secrets" is
 * ticked; import replaces the list only when the whole file is valid, and otherwise lists each
 * problem and leaves the current sides alone. A file exported for another site (the demo's
 * ports change, a teammate's host differs) is offered with that site named, and imported only
 * when the user says so.
 */
import { useState } from "preact/hooks";
import { exportSides, parseSidesJson } from "../../../analysis/sidesJson";
import type { Side } from "../../../model/side";
import { makeSideId } from "../../state/sideFactory";
import { CopyButton } from "../Copy/CopyButton";
import { OtherOriginOffer } from "./OtherOriginOffer";
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
  const [offer, setOffer] = useState<{ origin: string; sides: Side[] } | null>(null);

  const doExport = () => setExported(exportSides(sides, { includeSecrets, origin }));
  const accept = (accepted: Side[]) => {
    setOffer(null);
    setImported(accepted.length);
    onImport(accepted);
  };
  const doImport = (text: string) => {
    const result = parseSidesJson(text, makeSideId);
    setImported(null);
    setErrors(result.ok ? [] : result.errors);
    if (!result.ok) return setOffer(null);
    if (result.origin !== undefined && result.origin !== origin) {
      setOffer({ origin: result.origin, sides: result.sides });
    } else {
      accept(result.sides);
    }
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
      {offer && (
        <OtherOriginOffer
          from={offer.origin}
          to={origin}
          sides={offer.sides}
          onAccept={() => accept(offer.sides)}
          onCancel={() => setOffer(null)}
        />
      )}
      {imported !== null && <p role="status">Imported {imported} sides.</p>}
    </section>
  );
}
