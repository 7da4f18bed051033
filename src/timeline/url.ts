/**
 * The parts of a request URL the timeline reads (path, query, host, scheme), taken apart once
 * per URL text: a timeline names the same few URLs on thousands of rows, and `new URL` is one of
 * the dearer calls per row. Bounded: the memo is dropped whole when it fills.
 */

export interface UrlParts {
  protocol: string;
  hostname: string;
  pathname: string;
  search: string;
}

const LIMIT = 2048;
const memo = new Map<string, UrlParts | null>();

/** Null when the text is no absolute URL. */
export function urlParts(text: string): UrlParts | null {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  let parts: UrlParts | null;
  try {
    const url = new URL(text);
    parts = {
      protocol: url.protocol,
      hostname: url.hostname,
      pathname: url.pathname,
      search: url.search,
    };
  } catch {
    parts = null;
  }
  if (memo.size >= LIMIT) memo.clear();
  memo.set(text, parts);
  return parts;
}
