/**
 * What a detector reports: a named problem, the rows that show it (their seq numbers), a
 * sentence that explains it, and a concrete fix with copyable snippets. Shared by all
 * detectors, the panel's findings list and the CLI's `finding` lines.
 */

import type { Snippet } from "../../analysis/fixes";

export const FINDING_KINDS = [
  "cross-side-overwrite",
  "resign-every-response",
  "double-set-cookie",
  "concurrent-race",
  "deleting-write",
  "oversize",
  "shadowed",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  /** seq numbers of the evidence rows, in timeline order. */
  evidence: number[];
  /** ms since epoch of the newest evidence row (findings are listed newest first). */
  at: number;
  detail: string;
  fix: string;
  snippets: Snippet[];
}
