/** Shown for pages whose cookies no extension may read (browser pages, the web store, files). */
import styles from "./States.module.css";

/** The background's reason as a sentence: capitalised, with its full stop. */
function sentence(reason: string): string {
  const text = reason.trim();
  if (text === "") return "";
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

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
        {sentence(reason) ||
          "Pages such as chrome://, about:, the extension stores and built-in viewers are off limits."}{" "}
        Open your app's page (for example http://127.0.0.1:8000/) in this tab to inspect its
        session.
      </p>
    </div>
  );
}
