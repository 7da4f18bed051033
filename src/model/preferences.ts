/**
 * What the panel remembers between openings, for every site alike: which optional cookie-table
 * columns are on. Stored in storage.local by the background; read back defensively, since
 * storage holds whatever an older version (or a hand edit) put there.
 */
export interface PanelPreferences {
  /** Optional column ids, in no particular order; ids this version does not know are ignored. */
  columns: string[];
}

/** The storage.local key they are kept under. */
export const PREFERENCES_KEY = "preferences";

export const DEFAULT_PREFERENCES: PanelPreferences = { columns: [] };

/** Stored data → preferences: anything that is not a list of short strings is dropped. */
export function readPreferences(stored: unknown): PanelPreferences {
  if (typeof stored !== "object" || stored === null) return { ...DEFAULT_PREFERENCES };
  const columns = (stored as { columns?: unknown }).columns;
  if (!Array.isArray(columns)) return { ...DEFAULT_PREFERENCES };
  return {
    columns: [
      ...new Set(columns.filter((c): c is string => typeof c === "string" && c.length <= 64)),
    ],
  };
}
