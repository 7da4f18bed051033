/**
 * Reading the text forms of bytes and UUIDs that users type into typed JSON. Unlike the
 * frameworks' lenient decoders (src/codec/base64/base64.ts), a typo here is reported, not skipped:
 * standard or url-safe base64 with optional padding, and nothing else.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
DECODE[45] = 62; // '-' (url-safe alphabet)
DECODE[95] = 63; // '_'

/** Standard or url-safe base64, padding optional; null when it is not base64. */
export function strictBase64Decode(text: string): Uint8Array | null {
  const body = text.replace(/={1,2}$/, "");
  if (body.length % 4 === 1) return null;
  if (text.length !== body.length && text.length % 4 !== 0) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? (DECODE[c] as number) : -1;
    if (v < 0) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 255;
      buffer &= (1 << bits) - 1;
    }
  }
  return out;
}

/** `12345678-1234-5678-1234-567812345678` from 32 hex digits. */
export function uuidDashed(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Python `uuid.UUID(s)`'s reading: `urn:` / `uuid:` prefixes, braces and dashes allowed. */
export function uuidHexOf(text: string): string | undefined {
  const hex = text
    .replaceAll("urn:", "")
    .replaceAll("uuid:", "")
    .replace(/^[{}]+|[{}]+$/g, "")
    .replaceAll("-", "");
  return /^[0-9a-fA-F]{32}$/.test(hex) ? hex.toLowerCase() : undefined;
}
