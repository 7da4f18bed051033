/**
 * Candidate sources cut into pieces for the workers. A packed list (the built-in one) is copied
 * out piece by piece, since pieces are transferred and the list is kept for the next audit. A
 * streamed list (a file of any size) is cut at line ends so no line is split between workers;
 * only one piece at a time is held, so a multi-gigabyte list never sits in memory whole.
 */
import type { Piece } from "./coordinator";
import type { CandidateList } from "./known";
import { lastLineEnd } from "./lines";

/**
 * Lines per piece so a packed list ends at once on every worker: four pieces each (two in
 * flight, two to follow). Fixed 8192-line pieces gave the built-in list 7 pieces, 4 on one of
 * two workers and 3 on the other, so the whole audit waited for the fourth.
 */
export function evenPieceLines(count: number, workers: number): number {
  return Math.max(1024, Math.ceil(count / (Math.max(1, workers) * 4)));
}

export function* listPieces(list: CandidateList, perPiece = 8192): Generator<Piece> {
  for (let first = 0; first < list.count; first += perPiece) {
    const count = Math.min(perPiece, list.count - first);
    const from = list.spans[2 * first]!;
    const to = list.spans[2 * (first + count) - 1]!;
    const spans = list.spans.slice(2 * first, 2 * (first + count));
    for (let i = 0; i < spans.length; i++) spans[i] = spans[i]! - from;
    // weight: the bytes the same lines would take in a file, so lists and files share one ETA
    yield { bytes: list.bytes.slice(from, to), spans, count, weight: to - from + count };
  }
}

/** What reading a streamed list noticed, for one sentence to the user. */
export interface StreamNotes {
  /** Bytes read. */
  bytes: number;
  /** NUL bytes or invalid UTF-8 seen: the list is binary or in another encoding (still tried as bytes). */
  binary: boolean;
  /** Lines longer than the limit, skipped (no secret is that long; a list without line ends). */
  skippedLongLines: number;
}

/** Lines longer than this are not secrets anyone types; skipping them bounds memory. */
export const MAX_LINE = 64 * 1024;

export async function* streamPieces(
  chunks: AsyncIterable<Uint8Array>,
  notes: StreamNotes,
  pieceBytes = 1 << 20,
): AsyncGenerator<Piece> {
  let buf = new Uint8Array(pieceBytes + MAX_LINE);
  let used = 0;
  let skipping = false; // inside a line that is already too long
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for await (const chunk of chunks) {
    if (notes.bytes === 0 && !isUtf8(utf8, chunk)) notes.binary = true;
    if (chunk.indexOf(0) >= 0) notes.binary = true;
    // A UTF-8 byte-order mark (Windows editors write one) is not part of the first secret.
    let at = notes.bytes === 0 && startsWithBom(chunk) ? 3 : 0;
    notes.bytes += chunk.length;
    while (at < chunk.length) {
      if (skipping) {
        const nl = chunk.indexOf(10, at);
        if (nl < 0) break;
        at = nl + 1;
        skipping = false;
        continue;
      }
      const take = Math.min(chunk.length - at, buf.length - used);
      buf.set(chunk.subarray(at, at + take), used);
      used += take;
      at += take;
      if (used < pieceBytes) continue;
      const cut = lastLineEnd(buf, used);
      if (cut === 0) {
        if (used < buf.length) continue;
        notes.skippedLongLines++; // a whole buffer without a line end
        used = 0;
        skipping = true;
        continue;
      }
      const piece = buf.slice(0, cut);
      buf.copyWithin(0, cut, used);
      used -= cut;
      yield { bytes: piece, weight: piece.length };
      if (used > MAX_LINE) {
        notes.skippedLongLines++;
        used = 0;
        skipping = true;
      }
    }
  }
  if (used > 0 && !skipping) {
    yield { bytes: buf.slice(0, used), weight: used };
  }
  buf = new Uint8Array(0);
}

function isUtf8(decoder: TextDecoder, chunk: Uint8Array): boolean {
  // The start of the list is sample enough to warn; `stream` lets it end inside a character.
  const sample = chunk.subarray(0, Math.min(chunk.length, 65536));
  try {
    decoder.decode(sample, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function startsWithBom(chunk: Uint8Array): boolean {
  return chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
}
