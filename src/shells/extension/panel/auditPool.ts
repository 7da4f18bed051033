/**
 * The panel's audit workers: module web workers in the extension's own page (one per core,
 * started on the first audit and kept for the next), over the same worker core as the CLI's.
 */
import { AuditPool, type WorkerPort } from "../../../audit/coordinator";
import type { FromWorker } from "../../../audit/protocol";

let pool: AuditPool | null = null;

export function webAuditPool(): AuditPool {
  if (pool !== null) return pool;
  const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  const ports: WorkerPort[] = Array.from({ length: size }, () => {
    const worker = new Worker(new URL("./auditWorker.ts", import.meta.url), { type: "module" });
    return {
      send: (msg, transfer) => worker.postMessage(msg, transfer),
      listen: (handler) =>
        worker.addEventListener("message", (e: MessageEvent<FromWorker>) => handler(e.data)),
    };
  });
  pool = new AuditPool(ports, () => performance.now());
  return pool;
}
