/**
 * The page bench/audit-browser.mjs opens in a real browser: the panel's audit as the panel runs
 * it (createWebAuditPool over module workers, the pieces of allPieces), timed in the page and
 * read back with page.evaluate. Bundled by esbuild next to the worker (worker.js), served over
 * http from 127.0.0.1 (module workers do not start from file:).
 */
import type { AuditOutcome, AuditPool } from "../src/audit/coordinator";
import { type CandidateList, knownSecrets } from "../src/audit/known";
import type { StreamNotes } from "../src/audit/pieces";
import type { AuditJob } from "../src/audit/protocol";
import {
  allPieces,
  PREPARE_AFTER_MS,
  piecesWeight,
} from "../src/panel/components/Audit/auditPieces";
import { createWebAuditPool } from "../src/shells/extension/panel/auditPool";
import { CLICK_AFTER_MS, freshCookie } from "./audit-user.mjs";

export interface Timed {
  seconds: number;
  tried: number;
  found: boolean;
  kernel: AuditOutcome["kernel"];
}

let pool: AuditPool | null = null;
let known: CandidateList | null = null;

/** One audit as useAudit starts it; timed from `pool.run` to its result. */
async function audit(job: AuditJob, file: Blob | null): Promise<Timed> {
  if (pool === null || known === null) throw new Error("call start() first");
  const notes: StreamNotes = { bytes: 0, binary: false, skippedLongLines: 0 };
  const t0 = performance.now();
  const outcome = await pool.run({
    job,
    pieces: allPieces(known, file, notes, () => false, pool.size),
    totalWeight: piecesWeight(known, file),
  });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, tried: outcome.tried, found: outcome.found, kernel: outcome.kernel };
}

const bench = {
  /** The panel's first audit: pack the list, start the workers, audit; each part timed. */
  async start(job: AuditJob) {
    const t0 = performance.now();
    known = knownSecrets();
    const t1 = performance.now();
    pool = createWebAuditPool(() => new Worker("./worker.js", { type: "module" }));
    const first = await audit(job, null);
    return {
      workers: pool.size,
      shownMs: CLICK_AFTER_MS,
      packSeconds: (t1 - t0) / 1000,
      withStartup: { ...first, seconds: (performance.now() - t1) / 1000 },
    };
  },
  /**
   * The built-in list again, workers started, for a cookie they have no kernel for yet (the
   * same cookie with another signature, the `variant`-th). If `shown`, as when a user reads the
   * cookie CLICK_AFTER_MS before clicking: the pool prepares it once it has been shown
   * PREPARE_AFTER_MS, as the panel does, and the run starts at CLICK_AFTER_MS; else the run
   * builds the kernel (a click at once).
   */
  async known(job: AuditJob, variant: number, shown: boolean) {
    const fresh = { ...job, cookie: freshCookie(job.cookie, variant) };
    if (shown) {
      await new Promise((resolve) => setTimeout(resolve, PREPARE_AFTER_MS));
      pool?.prepare(fresh);
      await new Promise((resolve) => setTimeout(resolve, CLICK_AFTER_MS - PREPARE_AFTER_MS));
    }
    return audit(fresh, null);
  },
  /** The built-in list, then `url` fetched into a File (not timed) and streamed as the panel does. */
  async withFile(job: AuditJob, url: string) {
    const blob = await (await fetch(url)).blob();
    return audit(job, new File([blob], "wordlist.txt", { type: "text/plain" }));
  },
};

export type AuditBench = typeof bench;
(globalThis as unknown as { auditBench: AuditBench }).auditBench = bench;
