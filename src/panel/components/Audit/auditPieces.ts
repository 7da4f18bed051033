/**
 * What the panel's audit hands its pool: the built-in list, then the user's own file streamed
 * from its Blob. No Preact and no extension API here, so the benchmark (bench/audit-page.ts)
 * runs these same pieces in a real browser. It reads a Blob, a DOM type, hence not in src/audit.
 */
import type { Piece } from "../../../audit/coordinator";
import type { CandidateList } from "../../../audit/known";
import { evenPieceLines, listPieces, type StreamNotes, streamPieces } from "../../../audit/pieces";

/**
 * How long a cookie is shown before its audit is prepared (its kernel built in the workers, the
 * list packed): long enough not to build one for every row passed with the arrow keys.
 */
export const PREPARE_AFTER_MS = 400;

export async function* fileChunks(file: Blob): AsyncGenerator<Uint8Array> {
  if (typeof file.stream !== "function") {
    yield await readWhole(file); // engines without Blob streams
    return;
  }
  const reader = file.stream().getReader();
  while (true) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function readWhole(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error("the wordlist could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The pieces in order for a pool of `workers`, ending early once `stop()` says so (a cancel
 * before the pool runs).
 */
export async function* allPieces(
  known: CandidateList,
  file: Blob | null,
  notes: StreamNotes,
  stop: () => boolean,
  workers: number,
): AsyncGenerator<Piece> {
  for (const piece of listPieces(known, evenPieceLines(known.count, workers))) {
    if (stop()) return;
    yield piece;
  }
  if (file === null) return;
  for await (const piece of streamPieces(fileChunks(file), notes)) {
    if (stop()) return;
    yield piece;
  }
}

/** The pieces' total weight, for the ETA: the list's bytes and line ends, then the file's bytes. */
export function piecesWeight(known: CandidateList, file: Blob | null): number {
  return known.bytes.length + known.count + (file?.size ?? 0);
}
