/**
 * Copy buttons for the selected cookie: its value, the decoded session as typed JSON, and a curl
 * command that replays it (with the `.sig` companion for cookie-session).
 */
import { curlCommand } from "../../../analysis/curl";
import { toTypedJson } from "../../../codec";
import type { Value } from "../../../codec/value";
import type { CookieRowModel } from "../../state/cookieRows";
import { CopyButton } from "../Copy/CopyButton";
import styles from "./CookieDetails.module.css";

interface Props {
  row: CookieRowModel;
  data: Value | undefined;
  pageUrl: string;
}

export function CopyBar({ row, data, pageUrl }: Props) {
  const { name, value } = row.cookie;
  const cookies =
    row.sig === undefined
      ? [{ name, value }]
      : [
          { name, value },
          { name: `${name}.sig`, value: row.sig },
        ];
  return (
    <div class={styles.copyBar}>
      <CopyButton label="Copy value" testId="copy-value" text={() => value} />
      {data !== undefined && (
        <CopyButton label="Copy decoded JSON" testId="copy-json" text={() => toTypedJson(data)} />
      )}
      <CopyButton
        label="Copy as curl"
        testId="copy-curl"
        text={() => curlCommand(cookies, pageUrl)}
      />
    </div>
  );
}
