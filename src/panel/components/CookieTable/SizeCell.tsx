/**
 * A cookie's name + value bytes against the browser's 4096-byte limit, flagged when near or over
 * (an oversized Set-Cookie is dropped silently, so the session just stops changing).
 */
import { COOKIE_BYTE_LIMIT, type SizeLevel } from "../../../analysis/cookieSize";
import styles from "./CookieTable.module.css";

const NOTE: Record<SizeLevel, string> = {
  ok: "",
  near: " — close to the limit",
  over: " — over the limit: browsers drop it",
};

export function SizeCell({ bytes, level }: { bytes: number; level: SizeLevel }) {
  return (
    <span
      class={level === "ok" ? styles.size : level === "near" ? styles.sizeNear : styles.sizeOver}
      data-size-level={level}
      title={`${bytes} of ${COOKIE_BYTE_LIMIT} bytes (name + value)${NOTE[level]}`}
    >
      {bytes} B{level !== "ok" && " ⚠"}
    </span>
  );
}
