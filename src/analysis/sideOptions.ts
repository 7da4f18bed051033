/**
 * The one place a stored Side becomes codec options. Secrets are stored as text or hex (so
 * binary Flask `SECRET_KEY`s survive storage.local); the codec wants a string or bytes. Keeping
 * this mapping in one function means the agreement check, the decoded view and any future
 * re-signing all read a side the same way.
 */
import { hexToBytes } from "../codec/bytes";
import type { CodecOptions, Secret } from "../codec/types";
import type { Side, StoredSecret } from "../model/side";

/** Why a stored secret cannot be used, or null when it can. */
export function storedSecretProblem(s: StoredSecret): string | null {
  if (s.value === "") return "empty";
  if (s.encoding === "hex" && hexToBytes(s.value) === null) {
    return "not hex (use an even number of 0-9 a-f digits)";
  }
  return null;
}

/** The codec's secret for a stored one; undefined when it is empty or invalid. */
export function toSecret(s: StoredSecret | undefined): Secret | undefined {
  if (!s || storedSecretProblem(s) !== null) return undefined;
  return s.encoding === "hex" ? (hexToBytes(s.value) ?? undefined) : s.value;
}

/** Whether the side has a usable current secret (otherwise it can only be decoded, not verified). */
export function sideHasSecret(side: Side): boolean {
  return toSecret(side.secret) !== undefined;
}

export interface SideContext {
  /** Clock for expiry, Unix seconds. */
  now?: number;
  /** cookie-session: the `NAME.sig` companion cookie's value. */
  sig?: string;
}

/** Codec options for reading (or writing) this side's cookie. */
export function sideToCodecOptions(side: Side, ctx: SideContext = {}): CodecOptions {
  const opts: CodecOptions = { name: side.cookieName };
  for (const [key, value] of Object.entries(side.options)) {
    if (value !== undefined) Object.assign(opts, { [key]: value });
  }
  const secret = toSecret(side.secret);
  if (secret !== undefined) opts.secret = secret;
  const fallbacks = side.fallbacks.map(toSecret).filter((s): s is Secret => s !== undefined);
  if (fallbacks.length > 0) opts.fallbacks = fallbacks;
  if (ctx.now !== undefined) opts.now = ctx.now;
  if (ctx.sig !== undefined) opts.sig = ctx.sig;
  return opts;
}

/**
 * The key that verified, as the side's editor numbers it: "current secret" or "fallback N"
 * (1-based, counting every fallback the user listed, also ones skipped as empty or invalid).
 */
export function keyLabel(side: Side, key: string | null): string | null {
  if (key === null) return null;
  if (key === "secret") return "current secret";
  const used = Number(key.replace("fallback:", ""));
  const usable = side.fallbacks
    .map((f, i) => (toSecret(f) === undefined ? -1 : i))
    .filter((i) => i >= 0);
  const listed = usable[used];
  return listed === undefined ? key : `fallback ${listed + 1}`;
}
