/**
 * The NDJSON line for one decoded cookie, built as text so `data` is the codec's typed JSON
 * spliced in verbatim (its key order is the contract: Starlette and cookie-session keep
 * insertion order, which a JSON.parse/JSON.stringify round trip would lose for integer-like
 * keys). Field order: docs/cli.md §5. Every line is escaped so that any line splitter sees one
 * object per line.
 */
import { type DecodeResult, toTypedJson } from "../codec";

/**
 * `\u`-escape what some line splitters treat as a line break (U+2028, U+2029, U+0085) and lone
 * surrogates (which UTF-8 output would otherwise turn into U+FFFD). All of them can only occur
 * inside JSON strings, where the escape means the same character.
 */
export function escapeLineBreakers(json: string): string {
  return json.replace(
    /[\u2028\u2029\u0085]|[\uD800-\uDFFF]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * `shown.format` replaces the codec's format (null for a value of no known shape); `shown.name`,
 * when the input named the cookie (`NAME=value`, a Cookie header), is added as a last field.
 */
export function decodeResultLine(
  result: DecodeResult,
  shown: { format?: string | null; name?: string | undefined } = {},
): string {
  const data = result.data === undefined ? "null" : toTypedJson(result.data);
  const format = shown.format === undefined ? result.format : shown.format;
  const fields: [string, string][] = [
    ["format", JSON.stringify(format)],
    ["status", JSON.stringify(result.status)],
    ["data", data],
    ["payload_json", JSON.stringify(result.payloadJson)],
    // every digit of a bigint timestamp, as a JSON number (JSON.stringify refuses bigints)
    ["timestamp", result.timestamp === null ? "null" : String(result.timestamp)],
    ["compressed", JSON.stringify(result.compressed)],
    ["key", JSON.stringify(result.key)],
    ["detail", JSON.stringify(result.detail)],
  ];
  if (shown.name !== undefined) fields.push(["name", JSON.stringify(shown.name)]);
  const body = fields.map(([name, json]) => `"${name}":${json}`).join(",");
  return escapeLineBreakers(`{${body}}`);
}
