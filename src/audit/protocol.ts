/**
 * Messages between the audit coordinator and its workers. Plain data: they cross postMessage
 * (web workers) and worker_threads unchanged, with candidate buffers transferred, not copied.
 */
import type { FormatId } from "../codec/types";
import type { RecipeOptions } from "./recipe";

/** What is audited: one cookie as one format, with the options its verifier needs. */
export interface AuditJob {
  format: FormatId;
  cookie: string;
  options: RecipeOptions;
  /** Force a kernel (benchmarks, tests); default: WebAssembly SIMD where it runs, else JS. */
  kernel?: "js" | "wasm-simd";
}

/**
 * How many jobs' kernels each worker keeps at once: every format a shown cookie's shape fits
 * (Flask and itsdangerous, say) is prepared, so the click runs each of them warm. The
 * coordinator decides which are kept and tells the workers what to drop.
 */
export const KERNELS_KEPT = 4;

/** Candidates: lines of `bytes` (each ends at "\n"), or the given spans when `spans` is set. */
export interface Batch {
  id: number;
  bytes: Uint8Array;
  spans?: Int32Array;
  count?: number;
}

export type ToWorker =
  | {
      type: "init";
      /** The coordinator's name for this job's kernel; batches name the kernel they are for. */
      key: string;
      job: AuditJob;
      /** Kernels the worker no longer needs (the coordinator keeps KERNELS_KEPT). */
      drop: string[];
      /**
       * After answering, check a throwaway list so the engine moves the kernel to its
       * optimising compiler before the first real batch (an audit prepared ahead of its click).
       */
      warm?: boolean;
    }
  | ({ type: "batch"; key: string } & Batch);

export type FromWorker =
  | { type: "ready"; kernel: "js" | "wasm-simd" }
  /**
   * `id`: the batch that could not be checked (absent for a failed init). `stopped`: the worker
   * is gone (it failed to start or crashed; its shell says so), and answers nothing more.
   */
  | { type: "error"; problem: string; id?: number; stopped?: true }
  | { type: "done"; id: number; tried: number; hit: { index: number; secret: Uint8Array } | null };
