/**
 * The audit's workers in Node: worker_threads running this same bundle (started with
 * `audit --internal-worker`, which only wires the worker core to the parent port), one per
 * core, started once per command. Buffers are transferred, not copied.
 */
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { AuditPool, type WorkerPort } from "../../audit/coordinator";
import type { FromWorker, ToWorker } from "../../audit/protocol";
import { createWorkerCore } from "../../audit/workerCore";

export const WORKER_FLAG = "--internal-worker";

export function startNodePool(size: number): { pool: AuditPool; close: () => Promise<void> } {
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL(import.meta.url), { argv: ["audit", WORKER_FLAG] }),
  );
  const ports: WorkerPort[] = workers.map((w) => ({
    send: (msg, transfer) => w.postMessage(msg, transfer),
    listen: (handler) => {
      w.on("message", (msg: FromWorker) => handler(msg));
      w.on("error", (error) =>
        handler({
          type: "error",
          stopped: true,
          problem: `an audit worker stopped: ${error.message}`,
        }),
      );
    },
  }));
  return {
    pool: new AuditPool(ports, () => performance.now()),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Inside a worker thread: answer the pool until terminated. */
export function serveWorker(): Promise<never> {
  if (isMainThread || parentPort === null) throw new Error("not a worker thread");
  const port = parentPort;
  const core = createWorkerCore((msg) => port.postMessage(msg));
  let queue = Promise.resolve();
  port.on("message", (msg: ToWorker) => {
    queue = queue.then(() => core(msg));
  });
  return new Promise<never>(() => {});
}
