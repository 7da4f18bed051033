/**
 * docs/cli.md §11's exit statuses: 0 every cookie valid/valid_legacy/unverified, 1 any failed
 * verification, 2 malformed input or bad usage. When cookies disagree the highest code wins
 * (2 over 1 over 0).
 */
import type { Status } from "../codec";

export const EXIT_OK = 0;
export const EXIT_VERIFY_FAILED = 1;
export const EXIT_USAGE = 2;

const STATUS_EXIT: Record<Status, number> = {
  valid: EXIT_OK,
  valid_legacy: EXIT_OK,
  unverified: EXIT_OK,
  bad_signature: EXIT_VERIFY_FAILED,
  expired: EXIT_VERIFY_FAILED,
  bad_payload: EXIT_VERIFY_FAILED,
  malformed: EXIT_USAGE,
};

export function exitCodeFor(status: Status): number {
  return STATUS_EXIT[status];
}
