/**
 * Where a secret the audit found goes: the declared side of that cookie and format (the one
 * whose own secret does not verify it, when several could), or a new side declared for the
 * cookie as "Declare the app that wrote this" would. The secret is kept as text when it is
 * UTF-8 and as hex otherwise, so a binary key survives storage.
 */
import { bytesToHex, utf8Decode, utf8Encode } from "../codec/bytes";
import type { Side, StoredSecret } from "../model/side";
import { type DeclareFrom, declareSide } from "./declareSide";
import { toSecret } from "./sideOptions";

export function storedSecretOf(secret: Uint8Array): StoredSecret {
  const text = utf8Decode(secret);
  return text === null
    ? { value: bytesToHex(secret), encoding: "hex" }
    : { value: text, encoding: "utf8" };
}

function sameBytes(a: Uint8Array | string | undefined, b: Uint8Array): boolean {
  if (a === undefined) return false;
  const bytes = typeof a === "string" ? utf8Encode(a) : a;
  return bytes.length === b.length && bytes.every((x, i) => x === b[i]);
}

export interface SecretPlacement {
  side: Side;
  /** A new side (add it) rather than a declared one with its secret replaced. */
  isNew: boolean;
  /** The side already had exactly this secret: nothing to change. */
  unchanged: boolean;
}

export function placeFoundSecret(
  secret: Uint8Array,
  from: DeclareFrom,
  sides: readonly Side[],
  newId: string,
): SecretPlacement {
  const stored = storedSecretOf(secret);
  const candidates = sides.filter(
    (s) => s.cookieName === from.cookieName && s.format === from.format,
  );
  const already = candidates.find((s) => sameBytes(toSecret(s.secret), secret));
  if (already) return { side: already, isNew: false, unchanged: true };
  const target = candidates[0];
  if (target) return { side: { ...target, secret: stored }, isNew: false, unchanged: false };
  return {
    side: { ...declareSide(from, sides, newId), secret: stored },
    isNew: true,
    unchanged: false,
  };
}
