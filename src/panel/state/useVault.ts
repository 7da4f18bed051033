/**
 * The secret vault as the panel sees it: its status and the lock/unlock actions, shared by every
 * component on the same host (the Sides tab and the editor's "unlock to sign"), with a
 * generation number that bumps on each change so the sides are read again (unlocked sides have
 * their secrets back; locked ones have none). The passphrase is passed through, never kept.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import type { PanelHost } from "../../shared/host";
import type { VaultStatus } from "../../shared/vault";

type VaultHost = Pick<PanelHost, "vaultStatus" | "enableVault" | "lockVault" | "unlockVault">;

interface Shared {
  status: VaultStatus | null;
  generation: number;
  listeners: Set<() => void>;
}

const shared = new WeakMap<VaultHost, Shared>();

function channel(host: VaultHost): Shared {
  let c = shared.get(host);
  if (!c) {
    c = { status: null, generation: 0, listeners: new Set() };
    shared.set(host, c);
  }
  return c;
}

export interface VaultState {
  status: VaultStatus | null;
  generation: number;
  error: string | null;
  busy: boolean;
  enable(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  unlock(passphrase: string): Promise<void>;
}

export function useVault(host: VaultHost): VaultState {
  const c = channel(host);
  const [, rerender] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    c.listeners.add(listener);
    if (c.status === null) void refresh(host, c);
    return () => {
      c.listeners.delete(listener);
    };
  }, [host, c]);

  const run = useCallback(
    async (action: () => Promise<string | null>) => {
      setBusy(true);
      try {
        setError(await action());
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
        await refresh(host, c, true);
      }
    },
    [host, c],
  );

  return {
    status: c.status,
    generation: c.generation,
    error,
    busy,
    enable: (passphrase) =>
      run(async () => {
        await host.enableVault(passphrase);
        return null;
      }),
    lock: () =>
      run(async () => {
        await host.lockVault();
        return null;
      }),
    unlock: (passphrase) =>
      run(async () =>
        (await host.unlockVault(passphrase)) ? null : "That passphrase does not open the vault.",
      ),
  };
}

async function refresh(host: VaultHost, c: Shared, changed = false): Promise<void> {
  try {
    c.status = await host.vaultStatus();
  } catch {
    c.status = { enabled: false, locked: false };
  }
  if (changed) c.generation += 1;
  for (const listener of c.listeners) listener();
}
