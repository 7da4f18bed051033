/**
 * The apps ("sides") configured for an origin, secrets included, in storage.local only —
 * never storage.sync (secrets must not leave the machine) and never logged.
 */
import browser from "webextension-polyfill";
import type { Side } from "../../../model/side";

const keyFor = (origin: string) => `sides:${origin}`;

export async function loadSides(origin: string): Promise<Side[]> {
  const key = keyFor(origin);
  const stored = await browser.storage.local.get(key);
  return (stored[key] as Side[] | undefined) ?? [];
}

export async function saveSides(origin: string, sides: Side[]): Promise<void> {
  await browser.storage.local.set({ [keyFor(origin)]: sides });
}
