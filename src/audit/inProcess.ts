/**
 * A worker port that runs the worker core in the same thread: for tests, and for a host where
 * workers cannot be started. Messages still arrive asynchronously, as from a real worker.
 */
import type { WorkerPort } from "./coordinator";
import type { FromWorker } from "./protocol";
import { createWorkerCore } from "./workerCore";

export function inProcessPort(): WorkerPort {
  let handler: (msg: FromWorker) => void = () => {};
  const core = createWorkerCore((msg) => setTimeout(() => handler(msg), 0));
  let queue = Promise.resolve();
  return {
    send(msg) {
      queue = queue.then(() => core(msg));
    },
    listen(h) {
      handler = h;
    },
  };
}
