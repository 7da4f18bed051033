/**
 * The sides' secrets behind an optional passphrase. Without a vault, sides (secrets included)
 * are stored as they are, in storage.local only. With one, storage.local holds the sides with
 * their secrets removed plus one sealed box (vaultCrypto.ts) of every site's secrets; unlocking
 * puts the derived key in storage.session (memory, for this browser session) and locking
 * removes it. While locked, sides are read without secrets (nothing can be verified or signed
 * until the user unlocks) and a save keeps the sealed secrets as they were.
 * Storage-agnostic: the background passes browser.storage, the inline fake host a Map.
 */
import type { Side, StoredSecret } from "../model/side";
import {
  deriveKeyBytes,
  kdfSalt,
  keyFromText,
  keyToText,
  newKdf,
  open,
  type SealedVault,
  seal,
} from "./vaultCrypto";

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key (storage.local.get(null)). */
  keys(): Promise<string[]>;
}

export interface VaultStores {
  local: KeyValueStore;
  session: KeyValueStore;
}

export interface VaultStatus {
  enabled: boolean;
  locked: boolean;
}

type SideSecrets = { secret?: StoredSecret; fallbacks: StoredSecret[] };
type AllSecrets = Record<string, Record<string, SideSecrets>>;

const VAULT_KEY = "vault";
const SESSION_KEY = "vault-key";
const SIDES_PREFIX = "sides:";
export const MIN_PASSPHRASE = 8;

const sidesKey = (origin: string) => `${SIDES_PREFIX}${origin}`;
const strip = (side: Side): Side => ({ ...side, secret: undefined, fallbacks: [] });

async function sessionKey(stores: VaultStores): Promise<Uint8Array<ArrayBuffer> | null> {
  const text = (await stores.session.get(SESSION_KEY)) as string | undefined;
  return text ? keyFromText(text) : null;
}

export async function vaultStatus(stores: VaultStores): Promise<VaultStatus> {
  const vault = await stores.local.get(VAULT_KEY);
  if (!vault) return { enabled: false, locked: false };
  return { enabled: true, locked: (await sessionKey(stores)) === null };
}

async function openAll(stores: VaultStores): Promise<AllSecrets | null> {
  const vault = (await stores.local.get(VAULT_KEY)) as SealedVault | undefined;
  const key = await sessionKey(stores);
  if (!vault || !key) return null;
  return open<AllSecrets>(vault, key);
}

/** Sets a passphrase: every stored secret moves into the sealed box; the vault starts locked. */
export async function enableVault(stores: VaultStores, passphrase: string): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new Error(`Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`);
  }
  if (await stores.local.get(VAULT_KEY)) throw new Error("The vault already has a passphrase.");
  const all: AllSecrets = {};
  const origins = (await stores.local.keys()).filter((k) => k.startsWith(SIDES_PREFIX));
  for (const key of origins) {
    const sides = ((await stores.local.get(key)) as Side[] | undefined) ?? [];
    all[key.slice(SIDES_PREFIX.length)] = Object.fromEntries(
      sides.map((s) => [
        s.id,
        { ...(s.secret ? { secret: s.secret } : {}), fallbacks: s.fallbacks },
      ]),
    );
  }
  const kdf = newKdf();
  const keyBytes = await deriveKeyBytes(passphrase, kdfSalt(kdf));
  await stores.local.set(VAULT_KEY, await seal(all, keyBytes, kdf));
  for (const key of origins) {
    const sides = ((await stores.local.get(key)) as Side[] | undefined) ?? [];
    await stores.local.set(key, sides.map(strip));
  }
  await stores.session.remove(SESSION_KEY);
}

export async function lockVault(stores: VaultStores): Promise<void> {
  await stores.session.remove(SESSION_KEY);
}

/** True when the passphrase opened the vault (the key is then kept in storage.session). */
export async function unlockVault(stores: VaultStores, passphrase: string): Promise<boolean> {
  const vault = (await stores.local.get(VAULT_KEY)) as SealedVault | undefined;
  if (!vault) return true;
  const keyBytes = await deriveKeyBytes(passphrase, kdfSalt(vault.kdf), vault.kdf.iterations);
  if ((await open(vault, keyBytes)) === null) return false;
  await stores.session.set(SESSION_KEY, keyToText(keyBytes));
  return true;
}

export async function readSides(stores: VaultStores, origin: string): Promise<Side[]> {
  const sides = ((await stores.local.get(sidesKey(origin))) as Side[] | undefined) ?? [];
  if (!(await stores.local.get(VAULT_KEY))) return sides;
  const secrets = (await openAll(stores))?.[origin] ?? {};
  return sides.map((s) => {
    const held = secrets[s.id];
    return held
      ? { ...s, ...(held.secret ? { secret: held.secret } : {}), fallbacks: held.fallbacks }
      : strip(s);
  });
}

export async function writeSides(
  stores: VaultStores,
  origin: string,
  sides: Side[],
): Promise<void> {
  const vault = (await stores.local.get(VAULT_KEY)) as SealedVault | undefined;
  if (!vault) {
    await stores.local.set(sidesKey(origin), sides);
    return;
  }
  const key = await sessionKey(stores);
  const all = key ? await open<AllSecrets>(vault, key) : null;
  if (!key || !all) {
    if (sides.some((s) => s.secret?.value || s.fallbacks.length > 0)) {
      throw new Error("The secret vault is locked: unlock it to change secrets.");
    }
    await stores.local.set(sidesKey(origin), sides.map(strip));
    return;
  }
  all[origin] = Object.fromEntries(
    sides.map((s) => [s.id, { ...(s.secret ? { secret: s.secret } : {}), fallbacks: s.fallbacks }]),
  );
  await stores.local.set(VAULT_KEY, await seal(all, key, vault.kdf));
  await stores.local.set(sidesKey(origin), sides.map(strip));
}
