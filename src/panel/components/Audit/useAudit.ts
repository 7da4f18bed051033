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
export function useAudit(pool: AuditPool | undefined, job: AuditJob) {
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
  // kernel in the workers and pack the list, so "Audit secret" runs the list at once. The job
  // is the section's for its whole life (it is keyed by cookie and value), hence the ref.
  const shownJob = useRef(job);
  useEffect(() => {
    if (pool === undefined) return;
    const timer = setTimeout(() => {
      pool.prepare(shownJob.current);
      void knownSecrets();
    }, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pool]);

  const start = async (file: Blob | null) => {
    if (pool === undefined || running.current) return;
    const recipe = prepareRecipe(job.format, job.cookie, job.options);
    if (!recipe.ok) {
      setState({ phase: "error", message: `This cookie cannot be audited: ${recipe.problem}.` });
      return;
    }
    running.current = true;
    cancelled.current = false;
    const notes: StreamNotes = { bytes: 0, binary: false, skippedLongLines: 0 };
    setState({ phase: "running", progress: { tried: 0, seconds: 0, rate: 0, eta: null } });
    try {
      const known = await knownSecrets();
      const outcome = await pool.run({
        job,
        pieces: allPieces(known, file, notes, () => cancelled.current, pool.size),
        totalWeight: piecesWeight(known, file),
        onProgress: (progress) => setState({ phase: "running", progress }),
      });
      const stopped = outcome.cancelled || (cancelled.current && !outcome.found);
      setState({
        phase: "done",
        outcome: { ...outcome, cancelled: stopped },
        notes: file === null ? null : notes,
        listed: known.count,
        known: outcome.secret !== null && listHolds(known, outcome.secret),
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
