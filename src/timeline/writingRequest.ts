/**
 * Which request wrote a cookie, from the timeline's writes: the newest one seen with a
 * Set-Cookie for it, preferring the one that wrote the value the cookie holds now. Null when no
 * response was seen setting it (written before DevTools opened, or by a page script).
 */
import type { RawWrite } from "./capture";
import { urlParts } from "./url";

const pathOf = (url: string): string | null => urlParts(url)?.pathname ?? null;

export function writingRequestPath(
  writes: readonly RawWrite[],
  key: string,
  value: string,
): string | null {
  let newest: RawWrite | null = null;
  for (let i = writes.length - 1; i >= 0; i--) {
    const w = writes[i] as RawWrite;
    if (w.key !== key || w.request === null || w.deleted) continue;
    if (w.value === value) return pathOf(w.request.url);
    newest ??= w;
  }
  return newest?.request ? pathOf(newest.request.url) : null;
}
