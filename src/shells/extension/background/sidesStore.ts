/**
 * The apps ("sides") configured for an origin, secrets included, in storage.local only —
 * never storage.sync (secrets must not leave the machine) and never logged. With a vault
 * passphrase set, the secrets are sealed (src/shared/vault.ts) and the unlocked key lives in
 * storage.session, which the browser keeps in memory only.
 */
import browser from "webextension-polyfill";
import type { Side } from "../../../model/side";
import {
  enableVault,
  type KeyValueStore,
  lockVault,
  readSides,
  unlockVault,
  type VaultStatus,
  type VaultStores,
  vaultStatus,
  writeSides,
} from "../../../shared/vault";

function storeOf(area: typeof browser.storage.local): KeyValueStore {
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
    keys: async () => Object.keys(await area.get(null)),
  };
}

const stores: VaultStores = {
  local: storeOf(browser.storage.local),
  session: storeOf(browser.storage.session),
};

export const loadSides = (origin: string): Promise<Side[]> => readSides(stores, origin);
export const saveSides = (origin: string, sides: Side[]): Promise<void> =>
  writeSides(stores, origin, sides);
export const vaultState = (): Promise<VaultStatus> => vaultStatus(stores);

export async function vaultEnable(passphrase: string): Promise<VaultStatus> {
  await enableVault(stores, passphrase);
  return vaultStatus(stores);
}

export async function vaultLock(): Promise<VaultStatus> {
  await lockVault(stores);
  return vaultStatus(stores);
}

export const vaultUnlock = async (passphrase: string) => ({
  unlocked: await unlockVault(stores, passphrase),
});
