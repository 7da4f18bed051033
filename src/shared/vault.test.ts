import { describe, expect, it } from "vitest";
import type { Side } from "../model/side";
import {
  enableVault,
  type KeyValueStore,
  lockVault,
  readSides,
  unlockVault,
  type VaultStores,
  vaultStatus,
  writeSides,
} from "./vault";
import { PBKDF2_ITERATIONS, type SealedVault } from "./vaultCrypto";

function memory(): KeyValueStore & { dump(): string } {
  const map = new Map<string, unknown>();
  return {
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => {
      map.set(k, structuredClone(v));
    },
    remove: async (k) => {
      map.delete(k);
    },
    keys: async () => [...map.keys()],
    dump: () => JSON.stringify(Object.fromEntries(map)),
  };
}

const ORIGIN = "http://127.0.0.1:8000";
const SECRET = "flask-very-secret-value";
const FALLBACK = "older-secret-value";
const side: Side = {
  id: "flask",
  label: "Flask app",
  format: "flask",
  cookieName: "session",
  pathPrefix: "/",
  secret: { value: SECRET, encoding: "utf8" },
  fallbacks: [{ value: FALLBACK, encoding: "utf8" }],
  options: {},
};

async function setUp() {
  const local = memory();
  const session = memory();
  const stores: VaultStores = { local, session };
  await writeSides(stores, ORIGIN, [side]);
  return { stores, local, session };
}

describe("secret vault", () => {
  it("without a passphrase keeps sides as they are, in the local store", async () => {
    const { stores, local } = await setUp();
    expect(await vaultStatus(stores)).toEqual({ enabled: false, locked: false });
    expect(local.dump()).toContain(SECRET);
    expect(await readSides(stores, ORIGIN)).toEqual([side]);
  });

  it("once locked, no secret is in either store in plain text, and sides read without them", async () => {
    const { stores, local, session } = await setUp();
    await enableVault(stores, "correct horse battery");
    expect(await vaultStatus(stores)).toEqual({ enabled: true, locked: true });
    for (const dump of [local.dump(), session.dump()]) {
      expect(dump).not.toContain(SECRET);
      expect(dump).not.toContain(FALLBACK);
      expect(dump).not.toContain("correct horse battery");
    }
    const sealed = (await local.get("vault")) as SealedVault;
    expect(sealed.kdf).toMatchObject({ name: "PBKDF2", hash: "SHA-256" });
    expect(sealed.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(sealed.cipher.name).toBe("AES-GCM");
    const [read] = await readSides(stores, ORIGIN);
    expect(read?.secret).toBeUndefined();
    expect(read?.fallbacks).toEqual([]);
    expect(read?.label).toBe("Flask app");
  });

  it("unlocks with the passphrase only, for the session store; locking drops the key", async () => {
    const { stores, session } = await setUp();
    await enableVault(stores, "correct horse battery");
    expect(await unlockVault(stores, "wrong passphrase")).toBe(false);
    expect(await vaultStatus(stores)).toMatchObject({ locked: true });
    expect(await unlockVault(stores, "correct horse battery")).toBe(true);
    expect(await session.keys()).toEqual(["vault-key"]);
    expect(await readSides(stores, ORIGIN)).toEqual([side]);
    await lockVault(stores);
    expect(await session.keys()).toEqual([]);
    expect((await readSides(stores, ORIGIN))[0]?.secret).toBeUndefined();
  });

  it("seals a changed secret while unlocked, and refuses to take a new one while locked", async () => {
    const { stores, local } = await setUp();
    await enableVault(stores, "correct horse battery");
    const sealedBefore = (await local.get("vault")) as SealedVault;
    await expect(writeSides(stores, ORIGIN, [side])).rejects.toThrow(/locked: unlock it/);
    await writeSides(stores, ORIGIN, [
      { ...side, label: "Renamed", secret: undefined, fallbacks: [] },
    ]);
    await unlockVault(stores, "correct horse battery");
    expect((await readSides(stores, ORIGIN))[0]).toMatchObject({
      label: "Renamed",
      secret: side.secret,
    });
    const changed = { ...side, secret: { value: "a-brand-new-secret", encoding: "utf8" as const } };
    await writeSides(stores, ORIGIN, [changed]);
    const sealedAfter = (await local.get("vault")) as SealedVault;
    expect(sealedAfter.cipher.iv).not.toBe(sealedBefore.cipher.iv);
    expect(local.dump()).not.toContain("a-brand-new-secret");
    expect((await readSides(stores, ORIGIN))[0]?.secret?.value).toBe("a-brand-new-secret");
  });

  it("asks for a passphrase long enough", async () => {
    const { stores } = await setUp();
    await expect(enableVault(stores, "short")).rejects.toThrow(/at least 8 characters/);
  });
});
