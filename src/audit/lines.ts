/**
 * Wordlists as bytes: a chunk of a list becomes spans (start, end) into the same buffer, never
 * strings, so a list in any encoding is tried byte for byte (what is not UTF-8 stays bytes).
 * A line ends at "\n"; one "\r" before it is dropped (CRLF lists); everything else in a line,
 * NUL bytes and spaces included, is part of the candidate, since a secret can hold them.
 */

export interface Spans {
  spans: Int32Array;
  count: number;
}

/** Spans of the lines of `bytes[0..length)`; a last line without "\n" counts when `final`. */
export function splitLines(bytes: Uint8Array, length: number, final: boolean, into?: Spans): Spans {
  let spans = into?.spans ?? new Int32Array(1024);
  let count = 0;
  let start = 0;
  while (start < length) {
    let nl = bytes.indexOf(10, start);
    if (nl < 0 || nl >= length) {
      if (!final) break;
      nl = length;
    }
    if (2 * count + 2 > spans.length) {
      const bigger = new Int32Array(spans.length * 2);
      bigger.set(spans);
      spans = bigger;
    }
    const end = nl > start && bytes[nl - 1] === 13 ? nl - 1 : nl;
    spans[2 * count] = start;
    spans[2 * count + 1] = end;
    count++;
    start = nl + 1;
  }
  return { spans, count };
}

/** Where the last complete line of `bytes[0..length)` ends (after its "\n"); 0 if none. */
export function lastLineEnd(bytes: Uint8Array, length: number): number {
  const nl = bytes.lastIndexOf(10, length - 1);
  return nl < 0 ? 0 : nl + 1;
}
