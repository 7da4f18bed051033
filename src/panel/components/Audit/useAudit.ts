/**
 * One audit of the selected cookie at a time: the built-in list, then the user's own list if
 * one was chosen, in the host's workers, with progress and cancel. Nothing leaves the machine.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { AuditOutcome, AuditPool, Progress } from "../../../audit/coordinator";
import type { CandidateList } from "../../../audit/known";
import { listHolds } from "../../../audit/listHolds";
import type { StreamNotes } from "../../../audit/pieces";
import type { AuditJob } from "../../../audit/protocol";
import { prepareRecipe } from "../../../audit/recipe";
import type { FormatId } from "../../../codec";
import { allPieces, PREPARE_AFTER_MS, piecesWeight } from "./auditPieces";

export type AuditState =
  | { phase: "idle" }
  | { phase: "running"; progress: Progress }
  | {
      phase: "done";
      outcome: AuditOutcome;
      notes: StreamNotes | null;
      listed: number;
      /** A found secret is one of the built-in known secrets (else it came from the user's list). */
      known: boolean;
      /** The format the secret verified as, or (not found) the first guess. */
      format: FormatId;
      /** Every format tried. */
      formats: FormatId[];
    }
  | { phase: "error"; message: string };

/** The built-in list (1.8 MB of text) is its own chunk, loaded on the first audit only. */
async function knownSecrets(): Promise<CandidateList> {
  return (await import("../../../audit/known")).knownSecrets();
}

/**
 * One cookie value's audit: its section is keyed by the cookie and its value, so another
 * cookie or a new value starts from nothing, and the audit still running for the old is stopped.
 */
export function useAudit(pool: AuditPool | undefined, jobs: readonly [AuditJob, ...AuditJob[]]) {
  const [state, setState] = useState<AuditState>({ phase: "idle" });
  const running = useRef(false);
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      if (running.current) pool?.cancel();
    },
    [pool],
  );
  // Once the cookie has been shown a moment (not while arrowing through the list), build its
  // kernels in the workers — one per format its shape fits — and pack the list, so "Audit
  // secret" runs the list at once in each. The jobs are the section's for its whole life (it
  // is keyed by cookie and value), hence the ref.
  const shownJobs = useRef(jobs);
  useEffect(() => {
    if (pool === undefined) return;
    const timer = setTimeout(() => {
      for (const job of shownJobs.current) pool.prepare(job);
      void knownSecrets();
    }, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pool]);

  const start = async (file: Blob | null) => {
    if (pool === undefined || running.current) return;
    // Formats whose recipe cannot be made (the shape fits, the details do not) are left out.
    const recipes = jobs.map((job) => prepareRecipe(job.format, job.cookie, job.options));
    const runnable = jobs.filter((_, i) => recipes[i]?.ok);
    const [firstRunnable] = runnable;
    if (firstRunnable === undefined) {
      const problem = recipes.find((r) => !r.ok)?.problem ?? "no format fits it";
      setState({ phase: "error", message: `This cookie cannot be audited: ${problem}.` });
      return;
    }
    running.current = true;
    cancelled.current = false;
    const notes: StreamNotes = { bytes: 0, binary: false, skippedLongLines: 0 };
    setState({ phase: "running", progress: { tried: 0, seconds: 0, rate: 0, eta: null } });
    try {
      const known = await knownSecrets();
      let outcome: AuditOutcome | null = null;
      let format = firstRunnable.format;
      let tried = 0;
      let seconds = 0;
      for (const job of runnable) {
        // Progress counts on from the formats already tried.
        const [before, spent] = [tried, seconds];
        const run = await pool.run({
          job,
          pieces: allPieces(known, file, notes, () => cancelled.current, pool.size),
          totalWeight: piecesWeight(known, file),
          onProgress: (p) =>
            setState({
              phase: "running",
              progress: { ...p, tried: before + p.tried, seconds: spent + p.seconds },
            }),
        });
        tried += run.tried;
        seconds += run.seconds;
        outcome = { ...run, tried, seconds, rate: seconds > 0 ? tried / seconds : 0 };
        if (run.found) format = job.format;
        if (run.found || run.cancelled || cancelled.current) break;
      }
      const done = outcome as AuditOutcome;
      const stopped = done.cancelled || (cancelled.current && !done.found);
      setState({
        phase: "done",
        outcome: { ...done, cancelled: stopped },
        notes: file === null ? null : notes,
        listed: known.count,
        known: done.secret !== null && listHolds(known, done.secret),
        format,
        formats: runnable.map((j) => j.format),
      });
    } catch (e) {
      setState({ phase: "error", message: e instanceof Error ? e.message : String(e) });
    } finally {
      running.current = false;
    }
  };
  const cancel = () => {
    cancelled.current = true;
    pool?.cancel();
  };
  return { state, start, cancel };
}
