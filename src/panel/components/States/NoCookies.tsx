/** Shown when the page has no cookies: says so, and where a session cookie might be instead. */
import styles from "./States.module.css";

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

export function NoCookies({ url }: { url: string }) {
  const host = hostOf(url);
  const other = host === "127.0.0.1" ? "localhost" : host === "localhost" ? "127.0.0.1" : null;
  return (
    <div class={styles.state} data-testid="no-cookies">
      <p>This page has no cookies{url ? ` (${url})` : ""}.</p>
      <p class={styles.muted}>
        Cookies for every path on this host and for its parent domains are already included. The
        session may still be elsewhere:
      </p>
      <ul class={styles.muted}>
        <li>
          on another host name{other ? ` (${other} and ${host} keep separate cookies)` : ""} or a
          subdomain;
        </li>
        <li>not written yet: log in or open a page that stores something in the session;</li>
        <li>
          refused by the browser: a <code>Secure</code> cookie on an http:// page, or{" "}
          <code>SameSite=None</code> without <code>Secure</code>.
        </li>
      </ul>
    </div>
  );
}
