/**
 * The secret vault's cryptography, in WebCrypto only (the same in the background, the inline
 * fake host and Node tests): a passphrase becomes an AES-GCM key through PBKDF2-SHA-256 with a
 * random salt and at least 600,000 iterations, and the sides' secrets are one AES-GCM sealed
 * JSON document with a fresh IV per write. Nothing here stores anything; callers keep the
 * sealed box in storage.local and the unlocked key in storage.session (memory only).
 */

export const PBKDF2_ITERATIONS = 600_000;

/** What storage.local holds: everything needed to unlock, nothing readable without the passphrase. */
export interface SealedVault {
  version: 1;
  kdf: { name: "PBKDF2"; hash: "SHA-256"; iterations: number; salt: string };
  cipher: { name: "AES-GCM"; iv: string };
  ciphertext: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The raw AES key bytes for a passphrase and salt (kept in storage.session while unlocked). */
export async function deriveKeyBytes(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = PBKDF2_ITERATIONS,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(passphrase),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

const aesKey = (bytes: Uint8Array<ArrayBuffer>) =>
  crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);

/** Seals `plain` (JSON-able) with the key; a new random IV every time. */
export async function seal(
  plain: unknown,
  keyBytes: Uint8Array<ArrayBuffer>,
  kdf: SealedVault["kdf"],
): Promise<SealedVault> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new TextEncoder().encode(JSON.stringify(plain));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await aesKey(keyBytes), data),
  );
  return {
    version: 1,
    kdf,
    cipher: { name: "AES-GCM", iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  };
}

/** Opens a sealed vault; null when the key is wrong (AES-GCM's tag does not match). */
export async function open<T>(
  vault: SealedVault,
  keyBytes: Uint8Array<ArrayBuffer>,
): Promise<T | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64(vault.cipher.iv) },
      await aesKey(keyBytes),
      fromBase64(vault.ciphertext),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return null;
  }
}

/** A fresh KDF description (random salt) for a new passphrase. */
export function newKdf(iterations = PBKDF2_ITERATIONS): SealedVault["kdf"] {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { name: "PBKDF2", hash: "SHA-256", iterations, salt: toBase64(salt) };
}

export const kdfSalt = (kdf: SealedVault["kdf"]) => fromBase64(kdf.salt);
export const keyToText = toBase64;
export const keyFromText = fromBase64;
