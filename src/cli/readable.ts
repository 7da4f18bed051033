/**
 * The form a person reads when `decode` writes to a terminal: the verdict first, then the session
 * as the app's own language prints it (Python repr for the Python formats, JS for cookie-session),
 * then when it was signed and the codec's sentence. Piped output stays the NDJSON contract;
 * `--json` forces NDJSON on a terminal too.
 */
import { reprValue } from "../analysis/pyRepr";
import type { DecodeResult } from "../codec";

const VERDICTS: Record<DecodeResult["status"], string> = {
  valid: "valid",
  valid_legacy: "valid (legacy itsdangerous timestamp)",
  unverified: "decoded, not verified (no secret given)",
  bad_signature: "BAD SIGNATURE",
  expired: "EXPIRED",
  bad_payload: "BAD PAYLOAD (signature good)",
  malformed: "MALFORMED",
};

function keyText(key: DecodeResult["key"]): string {
  if (key === null) return "";
  return key === "secret" ? " with the secret" : ` with fallback ${key.slice("fallback:".length)}`;
}

/** Seconds since 1970 as `2026-12-02 12:34:56 UTC`; exact for any integer (no Date rounding). */
function whenText(timestamp: number | bigint): string {
  if (typeof timestamp === "bigint") return `Unix time ${timestamp}`;
  const ms = timestamp * 1000;
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15) return `Unix time ${timestamp}`;
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** A terminal is for reading: a session that inflates to a megabyte is cut (NDJSON has it all). */
const MAX_SHOWN = 2000;
function cut(text: string): string {
  if (text.length <= MAX_SHOWN) return text;
  const more = text.length - MAX_SHOWN;
  return `${text.slice(0, MAX_SHOWN)}… (${more} more characters; --json prints everything)`;
}

export function readableResult(
  result: DecodeResult,
  label: { name: string | undefined; format: string | null },
): string {
  const who = label.name === undefined ? "" : `${label.name}: `;
  const format = label.format ?? "no known format";
  const lines = [`${who}${format} · ${VERDICTS[result.status]}${keyText(result.key)}`];
  if (result.data !== undefined) {
    const text = reprValue(result.data, result.format === "cookie-session" ? "js" : "python");
    lines.push(`  ${cut(text)}`);
  }
  const facts: string[] = [];
  if (result.timestamp !== null) facts.push(`signed ${whenText(result.timestamp)}`);
  if (result.compressed === true) facts.push("zlib-compressed");
  if (facts.length > 0) lines.push(`  ${facts.join(" · ")}`);
  lines.push(`  ${result.detail}`);
  return lines.join("\n");
}
