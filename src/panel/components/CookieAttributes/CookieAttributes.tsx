/**
 * The selected cookie as the browser keeps it: every attribute (a browser-session cookie next to
 * one with Max-Age 14 d explains "random" logouts) and the raw value, wrapped rather than cut.
 */
import {
  domainText,
  expiresText,
  partitionText,
  sameSiteText,
  yesNo,
} from "../../../analysis/cookieAttributes";
import { COOKIE_BYTE_LIMIT } from "../../../analysis/cookieSize";
import type { CookieRowModel } from "../../state/cookieRows";
import styles from "./CookieAttributes.module.css";

interface Props {
  row: CookieRowModel;
  /** Unix seconds. */
  now: number;
}

export function CookieAttributes({ row, now }: Props) {
  const { cookie } = row;
  const facts: [string, string][] = [
    ["Domain", domainText(cookie)],
    ["Path", cookie.path],
    ["Expires", expiresText(cookie, now)],
    ["Size", `${row.bytes} of ${COOKIE_BYTE_LIMIT} bytes (name + value)`],
    ["HttpOnly", yesNo(cookie.httpOnly)],
    ["Secure", yesNo(cookie.secure)],
    ["SameSite", sameSiteText(cookie)],
    ["Partitioned", partitionText(cookie)],
    ["Store", cookie.storeId],
  ];
  return (
    <section class={styles.block} aria-label="Cookie attributes">
      <dl class={styles.facts} data-testid="cookie-attributes">
        {facts.map(([term, text]) => (
          <div key={term} class={styles.fact}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <p class={styles.label}>Raw value ({cookie.value.length} characters)</p>
      <pre class={styles.raw} data-testid="raw-value">
        {cookie.value}
      </pre>
      {row.sig !== undefined && (
        <>
          <p class={styles.label}>{cookie.name}.sig</p>
          <pre class={styles.raw}>{row.sig}</pre>
        </>
      )}
    </section>
  );
}
