/**
 * A kernel hit is only a 32-bit match; the codec's ordinary decode decides. Expiry is off here:
 * an old cookie signed with a known secret is still a forgeable one.
 */
import { decodeCookie } from "../codec/decode";
import type { AuditJob } from "./protocol";

export function confirmSecret(job: AuditJob, secret: Uint8Array): boolean {
  const r = decodeCookie(job.format, job.cookie, {
    ...job.options,
    secret: secret.slice(),
    maxAge: null,
  });
  return r.key === "secret";
}
