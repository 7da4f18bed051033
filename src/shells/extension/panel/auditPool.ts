/**
 * The panel's audit workers: module web workers in the extension's own page (one per core, at
 * most 8), started when a cookie's audit section is first shown and kept for every
 * audit after, over the same worker core as the CLI's.
 */
import { AuditPool, type WorkerPort } from "../../../audit/coordinator";
import type { FromWorker } from "../../../audit/protocol";

let pool: AuditPool | null = null;

/** A pool over one worker per core (at most 8), each made by `spawn`; bench/audit-page.ts uses it too. */
export function createWebAuditPool(spawn: () => Worker): AuditPool {
  const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  const ports: WorkerPort[] = Array.from({ length: size }, () => {
    const worker = spawn();
    return {
      send: (msg, transfer) => worker.postMessage(msg, transfer),
      listen: (handler) => {
        worker.addEventListener("message", (e: MessageEvent<FromWorker>) => handler(e.data));
        // A worker that cannot start or dies answers nothing more: tell the pool, not the console.
        worker.addEventListener("error", (e: ErrorEvent) => {
          e.preventDefault();
          const reason = e.message || "it could not be started";
          handler({ type: "error", stopped: true, problem: `an audit worker stopped: ${reason}` });
        });
      },
    };
  });
  return new AuditPool(ports, () => performance.now());
}

export function webAuditPool(): AuditPool {
  // Vite finds the worker by this exact `new Worker(new URL(…), …)` shape and bundles it.
  pool ??= createWebAuditPool(
    () => new Worker(new URL("./auditWorker.ts", import.meta.url), { type: "module" }),
  );
  return pool;
}
