/**
 * Golden vectors (test/fixtures/vectors, copies of the shared ones) looked up by file and id
 * suffix, typed with just the fields the CLI tests read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli-harness";

export interface Vector {
  id: string;
  cookie_value: string;
  secret?: string;
  secret_encoding?: string;
  secret_fallbacks?: string[];
  keys?: string[];
  secrets?: string[];
  sig_cookie_value?: string;
  algorithm?: string;
  verify_now?: number;
  timestamp?: number;
  payload_json?: string;
  expected_decoded?: unknown;
  legacy_timestamp_interpreted?: number;
}

export function vector(file: string, name: string): Vector {
  const text = readFileSync(join(ROOT, "test/fixtures/vectors", `${file}.json`), "utf8");
  const { vectors } = JSON.parse(text) as { vectors: Vector[] };
  const found = vectors.find((v) => v.id.endsWith(`/${name}`));
  if (!found) throw new Error(`no vector ${name} in ${file}.json`);
  return found;
}

/** `--now` for a vector: its verify time in seconds. */
export function nowOf(v: Vector): string {
  if (v.verify_now === undefined) throw new Error(`${v.id} has no verify_now`);
  return String(v.verify_now);
}
