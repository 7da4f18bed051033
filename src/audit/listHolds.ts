/**
 * Whether a packed candidate list holds a secret: says where a found secret came from (the
 * built-in known secrets or the user's own list). Kept apart from known.ts so the panel can ask
 * without pulling in the list's 2 MB chunk.
 */
import type { CandidateList } from "./known";

export function listHolds(list: CandidateList, secret: Uint8Array): boolean {
  for (let i = 0; i < list.count; i++) {
    const start = list.spans[2 * i]!;
    if (list.spans[2 * i + 1]! - start !== secret.length) continue;
    let same = true;
    for (let j = 0; j < secret.length && same; j++) same = list.bytes[start + j] === secret[j];
    if (same) return true;
  }
  return false;
}
