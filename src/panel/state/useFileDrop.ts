/**
 * A region that takes a dropped file (the Timeline's HAR, the audit's wordlist): whether a file
 * is being dragged over it, for the outline, and the handlers to spread on it. Drags that carry
 * no file are left alone, as are all drags while `enabled` is false.
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";

export function useFileDrop(
  onFile: (file: File) => void,
  enabled = true,
): { dragging: boolean; dropProps: JSX.HTMLAttributes<HTMLElement> } {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    dropProps: {
      onDragOver: (e) => {
        if (!enabled || !e.dataTransfer?.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (enabled && file) onFile(file);
      },
    },
  };
}
