/**
 * A `curl` command that replays a cookie against the page, for trying a request from a terminal.
 * Single-quoted for POSIX shells; cookie-session needs its `.sig` cookie alongside.
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(
  cookies: ReadonlyArray<{ name: string; value: string }>,
  url?: string,
): string {
  const header = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return `curl -b ${shellQuote(header)}${url ? ` ${shellQuote(url)}` : ""}`;
}
