/**
 * A cookie's size as browsers count it against their limit: the bytes of name plus value
 * (RFC 6265bis caps the pair at 4096). Flask warns past 4093; a session that grows past the
 * limit is silently dropped by the browser, so the panel flags it before that happens.
 */
export const COOKIE_BYTE_LIMIT = 4096;
/** From here on a few more session keys can push the cookie over. */
export const COOKIE_NEAR_LIMIT = 3600;

export type SizeLevel = "ok" | "near" | "over";

const encoder = new TextEncoder();

export function cookieBytes(name: string, value: string): number {
  return encoder.encode(name).length + encoder.encode(value).length;
}

export function sizeLevel(bytes: number): SizeLevel {
  if (bytes > COOKIE_BYTE_LIMIT) return "over";
  return bytes >= COOKIE_NEAR_LIMIT ? "near" : "ok";
}
