/**
 * The body of an audit worker, without the worker: the web-worker and worker_threads shells
 * only wire `handle` to their message events. It prepares the cookie once (recipe + kernel),
 * then checks each batch it is handed and answers with the count and the first confirmed hit.
 */
import { confirmSecret } from "./confirm";
import type { Kernel } from "./kernels/kernel";
import { createKernel } from "./kernels/select";
import { splitLines } from "./lines";
import type { AuditJob, FromWorker, ToWorker } from "./protocol";
import { prepareRecipe } from "./recipe";

export type Post = (msg: FromWorker) => void;

export function createWorkerCore(post: Post): (msg: ToWorker) => Promise<void> {
  let job: AuditJob | null = null;
  let kernel: Kernel | null = null;
  const hits: number[] = [];
  return async (msg) => {
    if (msg.type === "init") {
      const r = prepareRecipe(msg.job.format, msg.job.cookie, msg.job.options);
      if (!r.ok) {
        post({ type: "error", problem: r.problem });
        return;
      }
      job = msg.job;
      kernel = await createKernel(r.recipe, msg.job.kernel);
      post({ type: "ready", kernel: kernel.name });
      return;
    }
    if (job === null || kernel === null) {
      post({ type: "error", problem: "audit worker got a batch before its cookie" });
      return;
    }
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
