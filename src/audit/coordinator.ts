/**
 * Runs one audit over a pool of workers: hands out batches in list order (each worker keeps two
 * in flight so it never waits), sums progress, and stops at the first confirmed secret. "First"
 * is in list order even with several workers: after a hit, batches before it still finish and
 * the earliest hit wins; nothing after it is handed out. No platform API here: the shells give
 * it message ports and a clock.
 */
import {
  type AuditJob,
  type Batch,
  type FromWorker,
  KERNELS_KEPT,
  type ToWorker,
} from "./protocol";

export interface WorkerPort {
  send(msg: ToWorker, transfer: ArrayBuffer[]): void;
  /** The pool calls this once per port; the handler stays for the port's life. */
  listen(handler: (msg: FromWorker) => void): void;
}

/** One piece of a candidate source; `weight` (e.g. bytes) is what the ETA is measured in. */
export type Piece = Omit<Batch, "id"> & { weight: number };

export interface Progress {
  tried: number;
  seconds: number;
  /** Candidates per second so far. */
  rate: number;
  /** Estimated seconds left; null while the total is not known. */
  eta: number | null;
}

export interface AuditOutcome {
  found: boolean;
  secret: Uint8Array | null;
  tried: number;
  seconds: number;
  rate: number;
  cancelled: boolean;
  kernel: "js" | "wasm-simd";
}

export interface AuditRequest {
  job: AuditJob;
  pieces: AsyncIterable<Piece> | Iterable<Piece>;
  /** Sum of all pieces' weights when known (for the ETA). */
  totalWeight?: number;
  onProgress?: (p: Progress) => void;
}

export class AuditError extends Error {}

interface Slot {
  port: WorkerPort;
  inFlight: number;
  onMessage: ((msg: FromWorker) => void) | null;
  /** Why the worker stopped, once it has: it gets no more work. */
  stopped: string | null;
}

export class AuditPool {
  private readonly slots: Slot[];
  private busy = false;
  private cancelRequested = false;
  /**
   * The jobs the workers hold kernels for (or are building them for), by their JSON, least
   * recently used first; at most KERNELS_KEPT, and the workers drop what falls out.
   */
  private readonly kernels = new Map<string, Promise<"js" | "wasm-simd">>();
  /** Dropped here but perhaps still held by a worker (a failed init): dropped with the next. */
  private toDrop: string[] = [];
  /** The last init sent: the next waits for it. */
  private lastInit: Promise<unknown> = Promise.resolve();

  constructor(
    ports: readonly WorkerPort[],
    private readonly clock: () => number,
  ) {
    this.slots = ports.map((port) => {
      const slot: Slot = { port, inFlight: 0, onMessage: null, stopped: null };
      port.listen((msg) => {
        if (msg.type === "error" && msg.stopped) {
          slot.stopped ??= msg.problem;
          slot.inFlight = 0; // what it held will never be answered
        }
        slot.onMessage?.(msg);
      });
      return slot;
    });
  }

  /** The workers still running. */
  get size(): number {
    return this.live().length;
  }

  private live(): Slot[] {
    return this.slots.filter((s) => s.stopped === null);
  }

  private noneRunning(): AuditError {
    return new AuditError(`no audit worker is running (${this.slots[0]?.stopped})`);
  }

  /**
   * Build the workers' kernel for `job` ahead of `run` (the panel calls it when a cookie is
   * shown), so the click runs the list at once: the kernel's compile, and in Firefox its
   * optimising tier, are done by then. `run` of the same job reuses it. Ignored while running.
   */
  prepare(job: AuditJob): void {
    if (this.busy || this.live().length === 0) return;
    this.kernelFor(job, true).catch(() => {}); // a failure is reported by the run that needs it
  }

  private kernelFor(job: AuditJob, warm = false): Promise<"js" | "wasm-simd"> {
    const key = JSON.stringify(job);
    const kept = this.kernels.get(key);
    if (kept !== undefined) {
      this.kernels.delete(key); // now the most recently used
      this.kernels.set(key, kept);
      return kept;
    }
    for (const oldest of this.kernels.keys()) {
      if (this.kernels.size < KERNELS_KEPT) break;
      this.kernels.delete(oldest);
      this.toDrop.push(oldest);
    }
    // Taken now, not when the init is sent: inits go out in this order, so a worker drops a
    // kernel only after the init that built it.
    const drop = this.toDrop;
    this.toDrop = [];
    // One init at a time: a second one sent before the first is answered would mix their
    // answers in the shared handlers.
    const kernel = this.lastInit.catch(() => {}).then(() => this.init(key, job, warm, drop));
    this.lastInit = kernel;
    this.kernels.set(key, kernel);
    // A failed init is not kept: the next run of that job tries again and says why.
    kernel.catch(() => {
      if (this.kernels.get(key) !== kernel) return;
      this.kernels.delete(key);
      this.toDrop.push(key);
    });
    return kernel;
  }

  /** Stop the running audit: nothing more is handed out; the outcome says `cancelled`. */
  cancel(): void {
    if (this.busy) this.cancelRequested = true;
  }

  async run(req: AuditRequest): Promise<AuditOutcome> {
    if (this.busy) throw new AuditError("an audit is already running in this pool");
    if (this.slots.length === 0) throw new AuditError("an audit needs at least one worker");
    if (this.live().length === 0) {
      throw this.noneRunning();
    }
    this.busy = true;
    this.cancelRequested = false;
    try {
      return await this.runInner(req);
    } finally {
      this.busy = false;
      for (const s of this.slots) s.onMessage = null;
    }
  }

  private async runInner(req: AuditRequest): Promise<AuditOutcome> {
    const started = this.clock();
    const kernel = await this.kernelFor(req.job);
    // Another job's kernel may still be in the making (prepared with this one): its init's
    // handlers must have had every answer before the run's replace them.
    await this.lastInit.catch(() => {});
    const jobKey = JSON.stringify(req.job);
    const iterator = toAsync(req.pieces);
    let nextId = 0;
    let exhausted = false;
    let tried = 0;
    let weightDone = 0;
    let best: { id: number; index: number; secret: Uint8Array } | null = null;
    const weights = new Map<number, number>();
    // A message that lands while the loop awaits the source must still wake it: one promise per
    // round, resolved by any message and renewed after each wait.
    let wake = () => {};
    const nextSignal = () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      });
    let signal = nextSignal();
    let failure: string | null = null;

    const slots = this.live();
    for (const slot of slots) {
      slot.onMessage = (msg) => {
        if (msg.type === "error") {
          failure = msg.problem;
          if (msg.id !== undefined && !msg.stopped) slot.inFlight--;
          wake();
          return;
        }
        if (msg.type !== "done") return;
        slot.inFlight--;
        tried += msg.tried;
        weightDone += weights.get(msg.id) ?? 0;
        weights.delete(msg.id);
        if (msg.hit !== null && (best === null || msg.id < best.id)) {
          best = { id: msg.id, index: msg.hit.index, secret: msg.hit.secret };
        }
        if (req.onProgress) {
          const seconds = (this.clock() - started) / 1000;
          const frac = req.totalWeight ? weightDone / req.totalWeight : 0;
          req.onProgress({
            tried,
            seconds,
            rate: seconds > 0 ? tried / seconds : 0,
            eta: frac > 0 && frac <= 1 ? (seconds * (1 - frac)) / frac : null,
          });
        }
        wake();
      };
    }

    const stopIssuing = () =>
      exhausted || this.cancelRequested || best !== null || failure !== null;
    while (true) {
      // Hand a piece to every running worker with fewer than two in flight.
      for (const slot of slots) {
        while (slot.stopped === null && slot.inFlight < 2 && !stopIssuing()) {
          let next: IteratorResult<Piece>;
          try {
            next = await iterator.next();
          } catch (e) {
            // A list that cannot be read: finish what is in flight, then say so.
            failure = `the candidate list could not be read (${e instanceof Error ? e.message : String(e)})`;
            break;
          }
          if (next.done) {
            exhausted = true;
            break;
          }
          const { weight, ...piece } = next.value;
          const id = nextId++;
          weights.set(id, weight);
          slot.inFlight++;
          const transfer = [piece.bytes.buffer as ArrayBuffer];
          if (piece.spans) transfer.push(piece.spans.buffer as ArrayBuffer);
          slot.port.send({ type: "batch", key: jobKey, id, ...piece }, transfer);
        }
      }
      const inFlight = slots.reduce((n, s) => n + s.inFlight, 0);
      if (inFlight === 0 && stopIssuing()) break;
      await signal;
      signal = nextSignal();
    }
    if (failure !== null) throw new AuditError(failure);
    const seconds = (this.clock() - started) / 1000;
    const found = best as { secret: Uint8Array } | null;
    return {
      found: found !== null,
      secret: found?.secret ?? null,
      tried,
      seconds,
      rate: seconds > 0 ? tried / seconds : 0,
      cancelled: this.cancelRequested && found === null,
      kernel,
    };
  }

  /**
   * Every worker answers the init (ready or error) before the run goes on, so no answer is left
   * over. Its handlers are replaced by the run's only after all have answered.
   */
  private init(
    key: string,
    job: AuditJob,
    warm: boolean,
    drop: string[],
  ): Promise<"js" | "wasm-simd"> {
    return new Promise((resolve, reject) => {
      let answered = 0;
      let problem: string | null = null;
      let kernel: "js" | "wasm-simd" = "wasm-simd";
      const slots = this.live();
      if (slots.length === 0) {
        reject(this.noneRunning());
        return;
      }
      for (const slot of slots) {
        slot.inFlight = 0;
        slot.onMessage = (msg) => {
          if (msg.type === "error") problem ??= msg.problem;
          else if (msg.type === "ready" && msg.kernel === "js") kernel = "js";
          else if (msg.type !== "ready") return;
          if (++answered < slots.length) return;
          if (problem !== null) reject(new AuditError(problem));
          else resolve(kernel);
        };
        slot.port.send({ type: "init", key, job, warm, drop }, []);
      }
    });
  }
}

function toAsync<T>(it: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in it ? it[Symbol.asyncIterator]() : it[Symbol.iterator]();
}
