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
      // No warm-up here: in this thread it would block the page for a speed-up it does not need.
      const sent = msg.type === "init" ? { ...msg, warm: false } : msg;
      queue = queue.then(() => core(sent));
    },
    listen(h) {
      handler = h;
    },
  };
}
