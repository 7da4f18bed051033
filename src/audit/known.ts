/**
 * The built-in list: the empty secret, framework defaults, then the public Flask-Unsign list,
 * unquoted and de-duplicated into one byte buffer with spans (the shape every kernel reads).
 * Built once per process from the bundled text, in a few milliseconds.
 */

import defaultsList from "./known/defaults.txt";
import flaskUnsignList from "./known/flask-unsign-wordlist-all.txt";
import { unquotePyLine } from "./pyQuoted";

export interface CandidateList {
  bytes: Uint8Array;
  spans: Int32Array;
  count: number;
}

/** Pack Python-quoted lists (in order, first copy kept) into one CandidateList. */
export function packQuotedLists(texts: readonly string[]): CandidateList {
  const seen = new Set<string>();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const text of texts) {
    for (const line of text.split("\n")) {
      const trimmed = line.endsWith("\r") ? line.slice(0, -1) : line;
      if (trimmed === "") continue;
      const bytes = unquotePyLine(trimmed);
      if (bytes === null) continue;
      let id = "";
      for (let i = 0; i < bytes.length; i++) id += String.fromCharCode(bytes[i]!);
      if (seen.has(id)) continue;
      seen.add(id);
      parts.push(bytes);
      size += bytes.length;
    }
  }
  const bytes = new Uint8Array(size);
  const spans = new Int32Array(parts.length * 2);
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    spans[2 * i] = at;
    at += p.length;
    spans[2 * i + 1] = at;
  });
  return { bytes, spans, count: parts.length };
}

let cached: CandidateList | null = null;

export function knownSecrets(): CandidateList {
  cached ??= packQuotedLists([defaultsList, flaskUnsignList]);
  return cached;
}

/** How many entries the public list has (the number the panel and CLI quote). */
export const PUBLIC_LIST_SIZE = 55982;
