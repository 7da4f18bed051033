/**
 * Reads the golden vectors (test/fixtures/vectors, copied from the real frameworks' runs) and
 * turns each vector's fields into codec options, so every test agrees on what a vector means.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hexToBytes } from "../../src/codec/bytes";
import type { CodecOptions, FormatId, Secret } from "../../src/codec/types";

export interface Vector {
  id: string;
  format: string;
  expect?: string;
  secret?: string;
  secret_encoding?: string;
  secrets?: string[];
  keys?: string[];
  secret_fallbacks?: string[];
  salt?: string;
  key_derivation?: string;
  digest?: string;
  algorithm?: string;
  max_age?: number | null;
  verify_now?: number;
  verify_now_ms?: number;
  cookie_name?: string;
  cookie_value?: string | null;
  sig_cookie_value?: string | null;
  signed?: boolean | string;
  timestamp?: number;
  payload_json?: string;
  compressed?: boolean;
  expected_decoded?: unknown;
  set_cookie_header?: string;
  json_dialect?: { tagged: boolean; sort_keys: boolean; ensure_ascii: boolean };
  producer?: { library?: string; version?: string };
  input?: string;
  sep?: string;
  derived_from?: string;
  [more: string]: unknown;
}

const DIR = fileURLToPath(new URL("../fixtures/vectors", import.meta.url));

export function loadVectorFiles(): { file: string; vectors: Vector[] }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({
      file,
      vectors: (JSON.parse(readFileSync(join(DIR, file), "utf8")) as { vectors: Vector[] }).vectors,
    }));
}

export const FORMAT_OF_VECTOR: Record<string, FormatId> = {
  flask: "flask",
  starlette: "starlette",
  "django-signed-cookies": "django",
  "cookie-session": "cookie-session",
  "express-session": "express-session",
  "itsdangerous-urlsafe-timed": "itsdangerous",
};

function secretOf(v: Vector, s: string): Secret {
  return v.secret_encoding === "hex" ? hexToBytes(s)! : s;
}

/** The options the framework itself used for this vector. */
export function optionsFor(v: Vector, format: FormatId): CodecOptions {
  const o: CodecOptions = {};
  // Flask 2.2 has no SECRET_KEY_FALLBACKS: the vectors record that the key is ignored.
  const fallbacksHonoured = !v.id.startsWith("flask-2.2");
  if (v.keys) {
    // keygrip: keys[0] signs
    o.secret = v.keys[0];
    o.fallbacks = v.keys.slice(1);
  } else if (v.secrets && format === "express-session") {
    o.secret = v.secrets[0];
    o.fallbacks = v.secrets.slice(1);
  } else if (v.secrets) {
    // itsdangerous: oldest first, the last one signs
    o.secret = v.secrets[v.secrets.length - 1];
    o.fallbacks = v.secrets.slice(0, -1);
  } else if (v.secret !== undefined) {
    o.secret = secretOf(v, v.secret);
    if (v.secret_fallbacks && fallbacksHonoured)
      o.fallbacks = v.secret_fallbacks.map((s) => secretOf(v, s));
  }
  if (v.signed === false) {
    delete o.secret;
    delete o.fallbacks;
    o.signed = false;
  }
  if (v.salt !== undefined) o.salt = v.salt;
  if (v.key_derivation && v.key_derivation !== "django-salted-hmac") {
    o.keyDerivation = v.key_derivation as CodecOptions["keyDerivation"];
  }
  const digest = v.digest ?? (format === "cookie-session" ? v.algorithm : undefined);
  if (digest) o.digest = digest as CodecOptions["digest"];
  if (v.max_age !== undefined) o.maxAge = v.max_age;
  if (v.verify_now !== undefined) o.now = v.verify_now;
  else if (v.verify_now_ms !== undefined) o.now = v.verify_now_ms / 1000;
  if (v.cookie_name) o.name = v.cookie_name;
  if (v.sig_cookie_value) o.sig = v.sig_cookie_value;
  if (v.timestamp !== undefined) o.timestamp = v.timestamp;
  if (format === "flask" && v.json_dialect) {
    o.untagged = !v.json_dialect.tagged;
    o.sortKeys = v.json_dialect.sort_keys;
    o.ensureAscii = v.json_dialect.ensure_ascii;
  }
  return o;
}
