/**
 * Facts about the signed cookie beside its data: when it was signed and how old it is, whether
 * the payload was compressed, which key verified it, and when each side stops accepting it
 * (its own max_age: Flask 31 days, Starlette 14 days, or none).
 */
import { Fragment } from "preact";
import type { SideJudgement } from "../../../analysis/agreement";
import { formatDuration } from "../../../analysis/duration";
import { type Expiry, sideExpiry } from "../../../analysis/expiry";
import type { DecodeResult } from "../../../codec/types";
import styles from "./Decoded.module.css";

function expiryText(e: Expiry): string {
  switch (e.kind) {
    case "no-timestamp":
      return "no signed timestamp (the browser's Expires is the only limit)";
    case "no-max-age":
      return "no max_age: never expires on the server";
    case "future":
      return `signed ${formatDuration(e.ahead)} in the future: rejected until then`;
    case "valid":
      return `expires in ${formatDuration(e.remaining)} (max_age ${formatDuration(e.maxAge)})`;
    case "expired":
      return `expired ${formatDuration(e.ago)} ago (max_age ${formatDuration(e.maxAge)})`;
  }
}

/** `2026-01-01T00:25:45Z`: UTC, to the second (signatures carry whole seconds). */
/** ISO time of a Unix timestamp; past what a Date holds, the exact number (never a throw). */
function isoSeconds(unix: number | bigint): string {
  const date = new Date(Number(unix) * 1000);
  if (typeof unix === "bigint" || Number.isNaN(date.getTime())) return `Unix time ${unix}`;
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

interface Props {
  result: DecodeResult;
  keyLabel: string | null;
  judgements: readonly SideJudgement[];
  now: number;
}

export function DecodedMeta({ result, keyLabel, judgements, now }: Props) {
  const ts = result.timestamp;
  return (
    <dl class={styles.meta}>
      <dt>Signed</dt>
      <dd>
        {ts === null ? (
          "no timestamp in this format"
        ) : (
          <>
            <time dateTime={isoSeconds(ts)}>{isoSeconds(ts)}</time>
            {` (${now >= Number(ts) ? `${formatDuration(now - Number(ts))} ago` : `${formatDuration(Number(ts) - now)} in the future`})`}
          </>
        )}
      </dd>
      <dt>Compressed</dt>
      <dd>{result.compressed === null ? "—" : result.compressed ? "yes (zlib)" : "no"}</dd>
      <dt>Key</dt>
      <dd>{keyLabel ?? "not verified"}</dd>
      {judgements.map((j) => (
        <Fragment key={j.side.id}>
          <dt>Expiry for {j.side.label}</dt>
          <dd>{expiryText(sideExpiry(j.side, ts, now))}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
