/**
 * Adding, changing and removing one side of the list, for every view that edits sides (the
 * Sides tab, the declare form on a cookie). A removal is undoable: the side (secret included)
 * and its place are kept in memory until Undo, the next removal, Dismiss or another site.
 */
import { useState } from "preact/hooks";
import type { Side } from "../../model/side";

export interface RemovedSide {
  side: Side;
  index: number;
}

export interface SideActions {
  add: (side: Side) => void;
  replace: (side: Side) => void;
  remove: (id: string) => void;
  removed: RemovedSide | null;
  undo: () => void;
  dismiss: () => void;
}

export function useSideActions(
  sides: readonly Side[],
  setSides: (next: Side[]) => void,
  origin: string | null,
): SideActions {
  const [last, setLast] = useState<(RemovedSide & { origin: string | null }) | null>(null);
  // An undo belongs to the site it was made on.
  const removed = last !== null && last.origin === origin ? last : null;
  const setRemoved = (r: RemovedSide | null) => setLast(r && { ...r, origin });
  return {
    add: (side) => setSides([...sides, side]),
    replace: (side) => setSides(sides.map((s) => (s.id === side.id ? side : s))),
    remove: (id) => {
      const index = sides.findIndex((s) => s.id === id);
      const side = sides[index];
      if (!side) return;
      setRemoved({ side, index });
      setSides(sides.filter((s) => s.id !== id));
    },
    removed,
    undo: () => {
      if (!removed) return;
      const rest = sides.filter((s) => s.id !== removed.side.id);
      setSides([...rest.slice(0, removed.index), removed.side, ...rest.slice(removed.index)]);
      setRemoved(null);
    },
    dismiss: () => setRemoved(null),
  };
}
