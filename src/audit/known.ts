/**
 * The built-in list: the empty secret, framework defaults, then the public Flask-Unsign list,
 * unquoted and de-duplicated into one byte buffer with spans (the shape every kernel reads).
 * Built once per process from the bundled text (~115 ms in a fresh Node 20 process).
 */

import defaultsList from "./known/defaults.txt";
import flaskUnsignList from "./known/flask-unsign-wordlist-all.txt";
import { unquotePyLine } from "./pyQuoted";

export interface CandidateList {
  bytes: Uint8Array;
  spans: Int32Array;
  count: number;
}

/**
 * The secret of a literal with no escape, no prefix and only ASCII inside: the text between the
 * quotes, byte for byte (95 % of the public list). Scanned by hand, as a regex's match arrays
 * were a third of the packing time.
 */
function plainAscii(line: string): string | null {
  const quote = line.charCodeAt(0);
  const end = line.length - 1;
  if ((quote !== 0x27 && quote !== 0x22) || end < 1 || line.charCodeAt(end) !== quote) return null;
  for (let i = 1; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === quote || c === 0x5c || c > 0x7f) return null;
  }
  return line.slice(1, end);
}

/**
 * Pack Python-quoted lists (in order, first copy kept) into one CandidateList. Each secret is
 * kept as its bytes read as Latin-1 (a plain ASCII literal's text already is), so one Set both
 * de-duplicates and holds the order, and the buffer is one tight copy. This cut packing the
 * public list from ~270 ms to ~115 ms (a fresh Node 20 process; ~40 ms once warm). The panel
 * packs it while a cookie is shown, before "Audit secret" is clicked.
 */
export function packQuotedLists(texts: readonly string[]): CandidateList {
  const secrets = new Set<string>();
  for (const text of texts) {
    for (const line of text.split("\n")) {
      const trimmed = line.endsWith("\r") ? line.slice(0, -1) : line;
      if (trimmed === "") continue;
      const plain = plainAscii(trimmed);
      if (plain !== null) {
        secrets.add(plain);
        continue;
      }
      const bytes = unquotePyLine(trimmed);
      if (bytes !== null) secrets.add(latin1(bytes));
    }
  }
  const all = [...secrets];
  const joined = all.join("");
  const bytes = new Uint8Array(joined.length);
  for (let i = 0; i < joined.length; i++) bytes[i] = joined.charCodeAt(i);
  const spans = new Int32Array(all.length * 2);
  let at = 0;
  for (let i = 0; i < all.length; i++) {
    spans[2 * i] = at;
    at += (all[i] as string).length;
    spans[2 * i + 1] = at;
  }
  return { bytes, spans, count: all.length };
}

function latin1(bytes: Uint8Array): string {
  let id = "";
  for (let i = 0; i < bytes.length; i += 4096) {
    id += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return id;
}

let cached: CandidateList | null = null;

export function knownSecrets(): CandidateList {
  cached ??= packQuotedLists([defaultsList, flaskUnsignList]);
  return cached;
}

/** How many entries the public list has (the number the panel and CLI quote). */
export const PUBLIC_LIST_SIZE = 55982;
