/**
 * What a person pastes as "the cookie": the bare value, `session=<value>`, a whole `Cookie:`
 * header (copied from DevTools or a log) with many cookies. This turns one such input into the
 * cookies to decode, each with its name when known, and the cookie-session `NAME.sig` companion
 * taken from the same header. Quoted values are left to the codec, which unquotes them as each
 * framework does.
 *
 * A bare value is never mistaken for a pair: a session value that is also a `TOKEN=…` pair
 * (Starlette's base64 keeps its `=` padding) is read as a value whenever it has a session shape
 * as it stands.
 */
import { detectFormats, type FormatId, pythonUnquote } from "../codec";
import type { FormatChoice } from "./parse-values";
import { UsageError } from "./usage-error";

export interface CookieToDecode {
  /** The cookie's name when the input named it (`session=…`, a header); else undefined. */
  name: string | undefined;
  value: string;
  /** cookie-session's `NAME.sig` value found beside it in the same header. */
  sig: string | undefined;
}

const HEADER_PREFIX = /^\s*cookie\s*:\s*/i;
/** RFC 6265 cookie-name (a token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

interface Pair {
  name: string;
  value: string;
}

function pairsOf(header: string): Pair[] | null {
  const pairs: Pair[] = [];
  for (const part of header.split(";")) {
    const text = part.trim();
    if (text === "") continue;
    const eq = text.indexOf("=");
    if (eq <= 0) return null;
    const name = text.slice(0, eq).trim();
    if (!TOKEN.test(name)) return null;
    pairs.push({ name, value: text.slice(eq + 1).trim() });
  }
  return pairs.length > 0 ? pairs : null;
}

function looksLikeSession(value: string, format: FormatChoice, sig: string | undefined): boolean {
  const found: readonly FormatId[] = detectFormats(
    pythonUnquote(value),
    sig === undefined ? {} : { sig },
  );
  return format === "auto" ? found.length > 0 : found.includes(format);
}

/**
 * The cookies one input stands for. `name` is `--name` (pick that cookie from a header); without
 * it a header yields every session-like cookie in it, in header order.
 */
export function cookiesFromInput(
  input: string,
  opts: { name: string | undefined; format: FormatChoice },
): CookieToDecode[] {
  const headerText = input.replace(HEADER_PREFIX, "");
  const isHeader = headerText !== input || input.includes(";");
  const bare: CookieToDecode = { name: undefined, value: input, sig: undefined };
  if (!isHeader) {
    const named = opts.name !== undefined && input.startsWith(`${opts.name}=`);
    const hasShape = detectFormats(pythonUnquote(input.trim())).length > 0;
    if (!named && (!input.includes("=") || hasShape)) return [bare];
  }
  const pairs = pairsOf(headerText);
  if (pairs === null) {
    if (isHeader) {
      throw new UsageError(
        "this looks like a Cookie header but a part of it is not NAME=VALUE: give the header as sent (a=1; b=2) or the cookie's value alone",
      );
    }
    return [bare];
  }
  const valueNamed = (name: string) => pairs.find((p) => p.name === name)?.value;
  const withSig = (p: Pair): CookieToDecode => ({ ...p, sig: valueNamed(`${p.name}.sig`) });
  if (opts.name !== undefined) {
    const wanted = pairs.find((p) => p.name === opts.name);
    if (wanted === undefined) {
      throw new UsageError(
        `the cookies given have no cookie named "${opts.name}" (they have: ${pairs.map((p) => p.name).join(", ")}): fix --name, or leave it out to decode every session-like cookie`,
      );
    }
    return [withSig(wanted)];
  }
  const isCompanion = (p: Pair) =>
    p.name.endsWith(".sig") && valueNamed(p.name.slice(0, -".sig".length)) !== undefined;
  const sessions = pairs
    .filter((p) => !isCompanion(p))
    .map(withSig)
    .filter((c) => looksLikeSession(c.value, opts.format, c.sig));
  if (sessions.length === 0) {
    const empty = pairs.filter((p) => p.value === "").map((p) => p.name);
    if (empty.length === pairs.length) {
      throw new UsageError(
        `${empty.length === 1 ? `the cookie ${empty[0]} has an empty value` : `the cookies ${empty.join(", ")} have empty values`} (how an app deletes its cookie): there is nothing to decode`,
      );
    }
    const what = opts.format === "auto" ? "session" : opts.format;
    throw new UsageError(
      `none of the cookies given (${pairs.map((p) => p.name).join(", ")}) looks like a ${what} cookie: pick one with --name`,
    );
  }
  return sessions;
}
