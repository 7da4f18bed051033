/**
 * The optional cookie-table columns the user turned on, kept between openings of the panel
 * (through the host's preferences, storage.local in the extension). Shown off until the stored
 * choice arrives; a choice made before it arrives wins.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { PanelHost } from "../../shared/host";
import { OPTIONAL_COLUMNS, type OptionalColumn } from "../components/CookieTable/columns";

const isColumn = (c: string): c is OptionalColumn =>
  (OPTIONAL_COLUMNS as readonly string[]).includes(c);

export function useColumns(
  host: PanelHost,
): [ReadonlySet<OptionalColumn>, (next: ReadonlySet<OptionalColumn>) => void] {
  const [columns, setColumns] = useState<ReadonlySet<OptionalColumn>>(() => new Set());
  const chosen = useRef(false);
  useEffect(() => {
    let live = true;
    host.loadPreferences().then(
      (prefs) => {
        if (live && !chosen.current) setColumns(new Set(prefs.columns.filter(isColumn)));
      },
      () => {}, // no stored choice readable: the defaults stay
    );
    return () => {
      live = false;
    };
  }, [host]);
  const choose = (next: ReadonlySet<OptionalColumn>) => {
    chosen.current = true;
    setColumns(next);
    host.savePreferences({ columns: [...next] }).catch(() => {}); // kept for this opening anyway
  };
  return [columns, choose];
}
