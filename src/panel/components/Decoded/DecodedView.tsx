/**
 * The selected cookie, decoded: which format and whether a side verified it, the signing facts,
 * the data as a typed tree, and the exact JSON text inside the cookie.
 */
import { useState } from "preact/hooks";
import { dialectOf } from "../../../analysis/agreementText";
import { FORMAT_INFO } from "../../../codec";
import type { CookieAnalysis } from "../../state/useCookieAnalysis";
import styles from "./Decoded.module.css";
import { DecodedMeta } from "./DecodedMeta";
import { ValueTree } from "./ValueTree";

/** The codec's detail, unless it only says again "Decoded as X without checking…". */
function notVerifiedWhy(detail: string): string {
  const why = detail.replace(/^Decoded as .+? without checking the signature: /, "");
  return why === detail ? `: ${detail}` : ` (${why.replace(/\.$/, "")})`;
}

const PAYLOAD_CHARS = 20_000;

/** The JSON text inside the cookie: drawn only when opened, and cut (it can be a megabyte). */
function PayloadJson({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const [chars, setChars] = useState(PAYLOAD_CHARS);
  return (
    <details class={styles.raw} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Payload JSON ({text.length} characters)</summary>
      {open && <pre>{text.length > chars ? `${text.slice(0, chars)}…` : text}</pre>}
      {open && text.length > chars && (
        <button type="button" class={styles.more} onClick={() => setChars(chars * 10)}>
          show more
        </button>
      )}
    </details>
  );
}

export function DecodedView({ analysis }: { analysis: CookieAnalysis }) {
  const { display, agreement, now } = analysis;
  if (!display) {
    return (
      <section class={styles.decoded} data-testid="decoded">
        <p class={styles.muted}>
          Not a signed session this panel can decode (Flask, Starlette / FastAPI, Django, Node
          cookie-session, express-session, itsdangerous).
        </p>
      </section>
    );
  }
  const { result, via } = display;
  const verified = via?.outcome === "accepts";
  return (
    <section class={styles.decoded} data-testid="decoded">
      <p class={styles.heading}>
        Decoded as <strong>{FORMAT_INFO[result.format].label}</strong>
        {verified ? (
          <span class={styles.ok}>{` · verified by ${via?.side.label} (${via?.key})`}</span>
        ) : (
          <span class={styles.warn} title={result.detail}>
            {` · not verified${notVerifiedWhy(result.detail)}`}
          </span>
        )}
      </p>
      <DecodedMeta
        result={result}
        keyLabel={verified ? (via?.key ?? null) : null}
        judgements={agreement.judgements}
        now={now}
      />
      {result.data === undefined ? (
        <p class={styles.muted}>{result.detail}</p>
      ) : (
        <ValueTree value={result.data} dialect={dialectOf(result.format)} />
      )}
      {result.payloadJson !== null && <PayloadJson text={result.payloadJson} />}
    </section>
  );
}
