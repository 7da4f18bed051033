/**
 * Sides as a JSON file, to share a setup with a teammate or keep it next to the app. Export
 * leaves secrets out unless asked (the file tends to end up in chats and repos); import checks
 * every field and reports each problem with its place (`sides[1].format`), so a bad file never
 * half-replaces a working setup.
 */
import { DIGESTS, FORMAT_IDS, type FormatId, KEY_DERIVATIONS } from "../codec/types";
import type { Side, StoredSecret } from "../model/side";
import { storedSecretProblem } from "./sideOptions";

export const SIDES_FILE_KIND = "session-lens/sides";

export interface ExportOptions {
  includeSecrets: boolean;
  origin?: string;
}

function exportedSide(side: Side, includeSecrets: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: side.id,
    label: side.label,
    format: side.format,
    cookieName: side.cookieName,
    pathPrefix: side.pathPrefix,
    options: side.options,
  };
  if (includeSecrets) {
    if (side.secret) out.secret = side.secret;
    out.fallbacks = side.fallbacks;
  }
  return out;
}

export function exportSides(sides: readonly Side[], opts: ExportOptions): string {
  const file = {
    kind: SIDES_FILE_KIND,
    version: 1,
    ...(opts.origin ? { origin: opts.origin } : {}),
    secretsIncluded: opts.includeSecrets,
    sides: sides.map((s) => exportedSide(s, opts.includeSecrets)),
  };
  return JSON.stringify(file, null, 2);
}

/** `origin`: the site the file was exported for, when it says (a file belongs to one site). */
export type ImportResult =
  | { ok: true; sides: Side[]; origin?: string }
  | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SIDE_KEYS = new Set([
  "id",
  "label",
  "format",
  "cookieName",
  "pathPrefix",
  "secret",
  "fallbacks",
  "options",
]);

function readSecret(v: unknown, at: string, errors: string[]): StoredSecret | undefined {
  const secret: unknown = typeof v === "string" ? { value: v, encoding: "utf8" } : v;
  if (!isObj(secret) || typeof secret.value !== "string") {
    errors.push(`${at}: expected {"value": "…", "encoding": "utf8" | "hex"} or a string`);
    return undefined;
  }
  const encoding = secret.encoding ?? "utf8";
  if (encoding !== "utf8" && encoding !== "hex") {
    errors.push(`${at}.encoding: must be "utf8" or "hex", not ${JSON.stringify(encoding)}`);
    return undefined;
  }
  const stored: StoredSecret = { value: secret.value, encoding };
  const problem = storedSecretProblem(stored);
  if (problem !== null) {
    errors.push(`${at}: secret is ${problem}`);
    return undefined;
  }
  return stored;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === "string" && (allowed as readonly string[]).includes(v);
}

function readOptions(v: unknown, at: string, errors: string[]): Side["options"] {
  if (v === undefined) return {};
  if (!isObj(v)) {
    errors.push(`${at}: expected an object`);
    return {};
  }
  const out: Side["options"] = {};
  for (const [key, value] of Object.entries(v)) {
    const here = `${at}.${key}`;
    if (value === undefined) continue;
    if (key === "salt" && typeof value === "string") out.salt = value;
    else if (key === "keyDerivation" && oneOf(value, KEY_DERIVATIONS)) out.keyDerivation = value;
    else if (key === "digest" && oneOf(value, DIGESTS)) out.digest = value;
    else if (
      key === "maxAge" &&
      (value === null || (Number.isInteger(value) && (value as number) >= 0))
    )
      out.maxAge = value as number | null;
    else if (
      (key === "sortKeys" || key === "ensureAscii" || key === "untagged") &&
      typeof value === "boolean"
    )
      out[key] = value;
    else if (
      ["salt", "keyDerivation", "digest", "maxAge", "sortKeys", "ensureAscii", "untagged"].includes(
        key,
      )
    )
      errors.push(`${here}: invalid value ${JSON.stringify(value)}`);
    else errors.push(`${here}: unknown option`);
  }
  return out;
}

function readSide(v: unknown, at: string, errors: string[], makeId: () => string): Side | null {
  if (!isObj(v)) {
    errors.push(`${at}: expected an object`);
    return null;
  }
  const before = errors.length;
  for (const key of Object.keys(v))
    if (!SIDE_KEYS.has(key)) errors.push(`${at}.${key}: unknown field`);
  const { label, format, cookieName } = v;
  const pathPrefix = v.pathPrefix ?? "/";
  if (typeof label !== "string" || label.trim() === "")
    errors.push(`${at}.label: expected a non-empty string`);
  if (!oneOf<FormatId>(format, FORMAT_IDS))
    errors.push(
      format === undefined
        ? `${at}.format is missing: give one of ${FORMAT_IDS.join(", ")}`
        : `${at}.format: ${JSON.stringify(format)} is not one of ${FORMAT_IDS.join(", ")}`,
    );
  if (typeof cookieName !== "string" || !COOKIE_NAME.test(cookieName))
    errors.push(`${at}.cookieName: expected a cookie name (letters, digits, - _ . and no spaces)`);
  if (typeof pathPrefix !== "string" || !pathPrefix.startsWith("/"))
    errors.push(`${at}.pathPrefix: expected a path starting with "/"`);
  const secret = v.secret === undefined ? undefined : readSecret(v.secret, `${at}.secret`, errors);
  const fallbacksIn = v.fallbacks ?? [];
  if (!Array.isArray(fallbacksIn)) errors.push(`${at}.fallbacks: expected an array`);
  const fallbacks = (Array.isArray(fallbacksIn) ? fallbacksIn : [])
    .map((f, i) => readSecret(f, `${at}.fallbacks[${i}]`, errors))
    .filter((f): f is StoredSecret => f !== undefined);
  const options = readOptions(v.options, `${at}.options`, errors);
  if (errors.length > before) return null;
  return {
    id: typeof v.id === "string" && v.id !== "" ? v.id : makeId(),
    label: String(label),
    format: format as FormatId,
    cookieName: String(cookieName),
    pathPrefix: String(pathPrefix),
    ...(secret ? { secret } : {}),
    fallbacks,
    options,
  };
}

/** Parse an exported sides file (or a bare array of sides). All or nothing. */
export function parseSidesJson(text: string, makeId: () => string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not valid JSON: ${(e as Error).message}`] };
  }
  const list = Array.isArray(parsed) ? parsed : isObj(parsed) ? parsed.sides : undefined;
  if (!Array.isArray(list)) {
    return {
      ok: false,
      errors: ['Expected a Session Lens sides file: {"sides": [ … ]} or an array of sides'],
    };
  }
  const errors: string[] = [];
  const sides = list.map((s, i) => readSide(s, `sides[${i}]`, errors, makeId));
  if (errors.length > 0) return { ok: false, errors };
  const seen = new Set<string>();
  const origin = isObj(parsed) && typeof parsed.origin === "string" ? parsed.origin : undefined;
  return {
    ok: true,
    sides: (sides as Side[]).map((s) => {
      const side = seen.has(s.id) ? { ...s, id: makeId() } : s;
      seen.add(side.id);
      return side;
    }),
    ...(origin !== undefined ? { origin } : {}),
  };
}

/**
 * A file exported without secrets, imported back, should not wipe the secrets already typed in:
 * sides that come in with no secret and no fallbacks keep those of the current side with the same id.
 */
export function keepExistingSecrets(imported: readonly Side[], current: readonly Side[]): Side[] {
  const byId = new Map(current.map((s) => [s.id, s]));
  return imported.map((side) => {
    const before = byId.get(side.id);
    if (!before || side.secret || side.fallbacks.length > 0) return side;
    return {
      ...side,
      ...(before.secret ? { secret: before.secret } : {}),
      fallbacks: before.fallbacks,
    };
  });
}
