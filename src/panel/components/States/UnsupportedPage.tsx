/** Shown for pages whose cookies no extension may read (browser pages, the web store, files). */
import styles from "./States.module.css";

export function UnsupportedPage({ url, reason }: { url: string; reason: string }) {
  return (
    <div class={styles.state} data-testid="unsupported-page">
      <p>
        The browser does not let extensions read cookies on this page
        {url ? (
          <>
            {" "}
            (<code>{url}</code>)
          </>
        ) : null}
        .
      </p>
      <p class={styles.muted}>
        {reason ||
          "Pages such as chrome://, about:, the extension stores and built-in viewers are off limits."}{" "}
        Open your app's page (for example http://127.0.0.1:8000/) in this tab to inspect its
        session.
      </p>
    </div>
  );
}
