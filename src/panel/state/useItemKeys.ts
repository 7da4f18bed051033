/**
 * Keys for a list the user appends to and removes from (a side's fallback secrets). An item
 * keeps its key while others come and go, so the state of its row (a secret shown, a draft)
 * stays with it: an index key would hand a revealed secret's Show state to its neighbour.
 */
import { useRef } from "preact/hooks";

let nextKey = 0;

export interface ItemKeys {
  readonly keys: readonly number[];
  /** Call before removing item `index`, so the keys after it move up with their items. */
  removing(index: number): void;
}

export function useItemKeys(length: number): ItemKeys {
  const keys = useRef<number[]>([]).current;
  while (keys.length < length) keys.push(nextKey++);
  keys.length = length; // the list was replaced (an import): the surplus keys go
  return { keys, removing: (index) => void keys.splice(index, 1) };
}
