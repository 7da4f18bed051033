/**
 * The Timeline tab: findings above, then one row per session-cookie write, live from the
 * inspected tab or from an imported HAR file (drop it here or pick it). Filters by cookie and
 * by writing side; export saves the shown timeline as HAR-like JSON (no secrets).
 */
import { useMemo, useState } from "preact/hooks";
import type { Side } from "../../../model/side";
import { buildTimeline, type Finding, type Timeline } from "../../../timeline";
import { writerLabel } from "../../../timeline/attribute";
import { exportTimeline } from "../../../timeline/export";
import { harTooLarge, readHar } from "../../../timeline/har";
import { useFileDrop } from "../../state/useFileDrop";
import { Findings } from "./Findings";
import styles from "./Timeline.module.css";
import { TimelineRows } from "./TimelineRows";

interface Props {
  live: Timeline;
  sides: readonly Side[];
  onReloadPage: () => void;
}

interface Imported {
  name: string;
  timeline: Timeline;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file's text through FileReader (every browser, and jsdom, which has no Blob.text). */
function fileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsText(file);
  });
}

/** One filter: "" (the `all` choice) shows every row. */
function FilterSelect(props: {
  label: string;
  all: string;
  choices: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}{" "}
      <select
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="">{props.all}</option>
        {props.choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TimelineView({ live, sides, onReloadPage }: Props) {
  const [imported, setImported] = useState<Imported | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [cookie, setCookie] = useState("");
  const [side, setSide] = useState("");
  const [focus, setFocus] = useState<Finding | null>(null);
  const shown = imported?.timeline ?? live;

  const names = useMemo(() => [...new Set(shown.writes.map((w) => w.identity.name))], [shown]);
  const writers = useMemo(
    () => [...new Set(shown.writes.map((w) => writerLabel(w.writer)))],
    [shown],
  );
  const rows = useMemo(
    () =>
      shown.writes.filter(
        (w) =>
          (cookie === "" || w.identity.name === cookie) &&
          (side === "" || writerLabel(w.writer) === side),
      ),
    [shown, cookie, side],
  );
  const highlighted = useMemo(() => new Set(focus?.evidence ?? []), [focus]);

  const importText = (name: string, text: string) => {
    const har = readHar(text);
    if (!har.ok) {
      setImportError(`${name} is ${har.error}`);
      return;
    }
    setImportError(har.notice ? `${name}: ${har.notice}` : null);
    const timeline = buildTimeline({ seen: har.seen, changes: [], hasChangeFeed: false }, sides);
    setImported({ name, timeline });
    setFocus(null);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Read whole, a file past the bound could take the panel down with it.
    const tooLarge = harTooLarge(file.name, file.size);
    if (tooLarge !== null) {
      setImportError(tooLarge);
      return;
    }
    try {
      importText(file.name, await fileText(file));
    } catch (error) {
      setImportError(`${file.name} could not be read: ${(error as Error).message}`);
    }
  };

  const { dragging, dropProps } = useFileDrop((file) => void importFile(file));

  return (
    <section
      aria-label="Timeline: drop a HAR file here to read it"
      class={`${styles.view} ${dragging ? styles.drop : ""}`}
      {...dropProps}
    >
      <div class={styles.bar}>
        <FilterSelect
          label="Cookie"
          all="all"
          choices={names}
          value={cookie}
          onChange={setCookie}
        />
        <FilterSelect
          label="Written by"
          all="anyone"
          choices={writers}
          value={side}
          onChange={setSide}
        />
        <label>
          Import HAR{" "}
          <input
            type="file"
            accept=".har,application/json"
            aria-label="Import a HAR file"
            onChange={(e) => void importFile((e.target as HTMLInputElement).files?.[0])}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            download("session-lens-timeline.har", exportTimeline(rows, shown.findings, "panel"))
          }
        >
          Export
        </button>
        {focus && (
          <button type="button" onClick={() => setFocus(null)}>
            Clear highlight
          </button>
        )}
      </div>
      {imported ? (
        <p class={styles.note}>
          Showing {imported.name}: {imported.timeline.writes.length} writes.{" "}
          <button type="button" onClick={() => setImported(null)}>
            Back to this tab
          </button>
        </p>
      ) : (
        <p class={styles.note}>
          Only requests made while DevTools is open are visible to the panel (the browser shows
          extensions no others).{" "}
          <button type="button" data-testid="reload-page" onClick={onReloadPage}>
            Reload the page
          </button>{" "}
          to record from its first request. Or drop a HAR file here.
        </p>
      )}
      {importError && (
        <p class={styles.note} role="alert" data-testid="import-errors">
          {importError}
        </p>
      )}
      <Findings findings={shown.findings} onShow={setFocus} />
      {rows.length === 0 ? (
        <p class={styles.note}>No session-cookie write recorded yet.</p>
      ) : (
        <TimelineRows
          writes={rows}
          highlighted={highlighted}
          scrollTo={focus?.evidence[0] ?? null}
        />
      )}
    </section>
  );
}
