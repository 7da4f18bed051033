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

export type Post = (msg: FromWorker) => void;

/**
 * Candidates for the warm-up: enough for Firefox's lazy tiering and V8's dynamic tiering to hand
 * the kernel to their optimising compilers. Measured with a fresh cookie 0.5 s after prepare,
 * the built-in list on two workers took: no warm-up, Chromium 71–151 ms, Firefox 89–163 ms;
 * 16,384, Firefox still on baseline code (119–182 ms); 32,768, 23–49 and 28–36 ms after the
 * first; 65,536, the same with room for bigger cookies (bigger modules tier up later).
 */
const WARM_CANDIDATES = 65536;

/**
 * Their lengths, in turn. Every length class of the kernel must run hot, since engines tier up
 * function by function: a derivation that hashes prefix + secret (itsdangerous, Starlette,
 * Django) has one function per block count, and 12-byte candidates reached only the one-block
 * one, so the built-in list (a third of its secrets need two blocks) ran its two-block function
 * cold and took 2.5× Flask's time. One in 64 is longer than a block, for the JS path keys that
 * long take.
 */
const WARM_WIDTHS = [12, 56];
const WARM_LONG = 80;

let warm: { bytes: Uint8Array; spans: Int32Array; count: number } | null = null;

const warmWidth = (i: number) => (i % 64 === 63 ? WARM_LONG : WARM_WIDTHS[i % WARM_WIDTHS.length]!);

function warmList() {
  if (warm !== null) return warm;
  let size = 0;
  for (let i = 0; i < WARM_CANDIDATES; i++) size += warmWidth(i);
  const bytes = new Uint8Array(size);
  const spans = new Int32Array(WARM_CANDIDATES * 2);
  let at = 0;
  for (let i = 0; i < WARM_CANDIDATES; i++) {
    const width = warmWidth(i);
    for (let k = 0; k < width; k++) bytes[at + k] = 0x61 + (((i >> (k % 4)) + k) % 26);
    spans[2 * i] = at;
    spans[2 * i + 1] = at + width;
    at += width;
  }
  warm = { bytes, spans, count: WARM_CANDIDATES };
  return warm;
}

export function createWorkerCore(post: Post): (msg: ToWorker) => Promise<void> {
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
