/** One audit worker of the panel: the shared worker core wired to this worker's messages. */
import type { FromWorker, ToWorker } from "../../../audit/protocol";
import { createWorkerCore } from "../../../audit/workerCore";

const scope = self as unknown as {
  postMessage(msg: FromWorker): void;
  addEventListener(type: "message", handler: (e: MessageEvent<ToWorker>) => void): void;
};
const core = createWorkerCore((msg) => scope.postMessage(msg));
let queue = Promise.resolve();
scope.addEventListener("message", (e) => {
  queue = queue.then(() => core(e.data));
});
