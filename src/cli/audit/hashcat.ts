/**
 * `--hashcat`: the hash line and mode for hashcat where it has one, for lists too large for one
 * machine. Flask has its own mode (29100, the cookie as it is, uncompressed only); a plain
 * HMAC keyed with the secret (cookie-session, express-session) is hashcat's "HMAC (key = $pass)"
 * with the signed text as salt. The other formats hash the secret with a salt before using it
 * as the HMAC key, which no hashcat mode does.
 */

import type { AuditRecipe } from "../../audit/recipe";
import { bytesToHex } from "../../codec/bytes";
import { FORMAT_INFO } from "../../codec/formats/info";

const HMAC_KEY_PASS: Record<string, number> = { sha1: 150, sha256: 1450, sha512: 1750 };

export type HashcatAnswer =
  | { supported: true; mode: number; hash: string; detail: string }
  | { supported: false; detail: string };

export function hashcatFor(recipe: AuditRecipe, cookie: string): HashcatAnswer {
  const { format, derivation, digest } = recipe;
  const salt = new TextDecoder().decode(recipe.salt);
  if (
    format === "flask" &&
    derivation === "hmac" &&
    digest === "sha1" &&
    salt === FORMAT_INFO.flask.signing.salt
  ) {
    if (cookie.startsWith(".")) {
      return {
        supported: false,
        detail:
          "hashcat mode 29100 (Flask) refuses compressed cookies (a leading '.'); audit it here instead",
      };
    }
    return {
      supported: true,
      mode: 29100,
      hash: cookie,
      detail: "hashcat -m 29100 -a 0 hash.txt wordlist.txt (mode 29100 limits the payload length)",
    };
  }
  if (derivation === "none") {
    const mode = HMAC_KEY_PASS[digest]!;
    const message = new TextDecoder().decode(recipe.message);
    return {
      supported: true,
      mode,
      hash: `${bytesToHex(recipe.expected)}:${message}`,
      detail: `hashcat -m ${mode} -a 0 hash.txt wordlist.txt (HMAC-${digest.toUpperCase()}, key = $pass, the signed text as salt; hashcat limits salts to 256 bytes)`,
    };
  }
  return {
    supported: false,
    detail: `hashcat has no mode for ${format}: the key is ${derivation === "hmac" ? "an HMAC of the salt" : "a hash of salt + secret"} under the secret before the cookie's HMAC`,
  };
}
