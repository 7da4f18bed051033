/**
 * The body of an audit worker, without the worker: the web-worker and worker_threads shells
 * only wire `handle` to their message events. It prepares each job once (recipe + kernel) and
 * keeps the kernels the coordinator has not dropped, then checks each batch with the kernel it
 * names and answers with the count and the first confirmed hit.
 */
import { confirmSecret } from "./confirm";
import type { Kernel } from "./kernels/kernel";
import { createKernel } from "./kernels/select";
import { splitLines } from "./lines";
import type { AuditJob, FromWorker, ToWorker } from "./protocol";
import { prepareRecipe } from "./recipe";
import { warmList } from "./warmList";

export type Post = (msg: FromWorker) => void;

/**
 * The handler, made safe: a message that throws is answered with an error (naming its batch), so
 * the pool hears of it instead of waiting, and the worker's message queue goes on.
 */
export function createWorkerCore(post: Post): (msg: ToWorker) => Promise<void> {
  const handle = workerHandler(post);
  return async (msg) => {
    try {
      await handle(msg);
    } catch (error) {
      const problem = `the audit worker failed: ${error instanceof Error ? error.message : String(error)}`;
      post({ type: "error", problem, ...(msg.type === "batch" ? { id: msg.id } : {}) });
    }
  };
}

function workerHandler(post: Post): (msg: ToWorker) => Promise<void> {
  const kernels = new Map<string, { job: AuditJob; kernel: Kernel }>();
  const hits: number[] = [];
  return async (msg) => {
    if (msg.type === "init") {
      for (const key of msg.drop) kernels.delete(key);
      const r = prepareRecipe(msg.job.format, msg.job.cookie, msg.job.options);
      if (!r.ok) {
        post({ type: "error", problem: r.problem });
        return;
      }
      const kernel = await createKernel(r.recipe, msg.job.kernel);
      kernels.set(msg.key, { job: msg.job, kernel });
      post({ type: "ready", kernel: kernel.name });
      if (msg.warm === true) {
        const list = warmList();
        kernel.run(list.bytes, list.spans, list.count, []); // its hits, if any, mean nothing
      }
      return;
    }
    const prepared = kernels.get(msg.key);
    if (prepared === undefined) {
      post({ type: "error", id: msg.id, problem: "audit worker got a batch before its cookie" });
      return;
    }
    const { job, kernel } = prepared;
    const { bytes } = msg;
    const lines =
      msg.spans !== undefined
        ? { spans: msg.spans, count: msg.count ?? msg.spans.length / 2 }
        : splitLines(bytes, bytes.length, true);
    hits.length = 0;
    kernel.run(bytes, lines.spans, lines.count, hits);
    let hit: { index: number; secret: Uint8Array } | null = null;
    for (const index of hits) {
      const secret = bytes.slice(lines.spans[2 * index]!, lines.spans[2 * index + 1]!);
      if (confirmSecret(job, secret)) {
        hit = { index, secret };
        break;
      }
    }
    post({ type: "done", id: msg.id, tried: lines.count, hit });
  };
}
