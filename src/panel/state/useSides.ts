/**
 * The sides declared for the inspected origin: loaded from the host when the origin changes,
 * saved through the host on every committed edit. The UI always works on this state, so an
 * edit changes the verdict at once, whether or not storage has answered yet.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import type { Side } from "../../model/side";
import type { PanelHost } from "../../shared/host";

export interface SidesState {
  sides: Side[];
  loaded: boolean;
  saveError: string | null;
  setSides: (next: Side[]) => void;
}

export function useSides(
  host: PanelHost,
  origin: string | null,
  /** Bumped when the vault locks or unlocks: the sides are read again. */
  generation = 0,
): SidesState {
  const [sides, setLocal] = useState<Side[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is a reload trigger (the vault locked or unlocked, so storage answers differently), not a value the load reads
  useEffect(() => {
    setLoaded(false);
    setLocal([]);
    if (!origin) return;
    let current = true;
    host.loadSides(origin).then(
      (loadedSides) => {
        if (!current) return;
        setLocal(loadedSides);
        setLoaded(true);
      },
      () => current && setLoaded(true),
    );
    return () => {
      current = false;
    };
  }, [host, origin, generation]);

  const setSides = useCallback(
    (next: Side[]) => {
      setLocal(next);
      if (!origin) return;
      host.saveSides(origin, next).then(
        () => setSaveError(null),
        (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
      );
    },
    [host, origin],
  );

  return { sides, loaded, saveError, setSides };
}
