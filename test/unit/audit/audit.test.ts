/**
 * The audit finds a listed secret wherever it sits, for every format (every golden vector whose
 * secret verifies), agrees with the codec's own verification, tries the empty secret, reports
 * not-found, and stops when cancelled.
 */
import { describe, expect, it } from "vitest";
import { AuditError, AuditPool, type Piece, type WorkerPort } from "../../../src/audit/coordinator";
import { inProcessPort } from "../../../src/audit/inProcess";
import { knownSecrets } from "../../../src/audit/known";
import { listPieces } from "../../../src/audit/pieces";
import { type FromWorker, KERNELS_KEPT, type ToWorker } from "../../../src/audit/protocol";
import { prepareRecipe } from "../../../src/audit/recipe";
import { createWorkerCore } from "../../../src/audit/workerCore";
import { signSession } from "../../../src/codec/sign";
import { secretBytes } from "../../../src/codec/signing/keys";
import { dict } from "../../../src/codec/value";
import { FORMAT_OF_VECTOR, loadVectorFiles, optionsFor } from "../vectorOptions";
import { codecAccepts, decoys, jobFor, linesPieces, pool } from "./auditHarness";

const KERNELS = ["js", "wasm-simd"] as const;

const cases = loadVectorFiles().flatMap(({ vectors }) =>
  vectors.flatMap((v) => {
    const format = FORMAT_OF_VECTOR[v.format];
    if (!format || !v.cookie_value) return [];
    const o = optionsFor(v, format);
    if (o.secret === undefined) return [];
    const job = jobFor(format, v.cookie_value, o);
    // Vectors whose signature the codec rejects (tampered, wrong key…) are not-found cases.
    const readable = prepareRecipe(format, v.cookie_value, job.options).ok;
    return [{ id: v.id, job, secret: o.secret, readable, accepts: codecAccepts(job, o.secret) }];
  }),
);

describe.each(KERNELS)("audit with the %s kernel", (kernel) => {
  const p = pool(2);
  const words = decoys(3000);
  words.push("x".repeat(70), "y".repeat(200)); // keys longer than a block are hashed first

  it("covers every format through the vectors", () => {
    const formats = new Set(cases.filter((c) => c.accepts).map((c) => c.job.format));
    expect([...formats].sort()).toEqual(
      ["cookie-session", "django", "express-session", "flask", "itsdangerous", "starlette"].sort(),
    );
  });

  it.each(cases)("$id", async ({ job, secret, readable, accepts }) => {
    const bytes = secretBytes(secret);
    if (!readable) {
      // No signature to check (deleted, unsigned, garbage): a clear error, and the codec agrees.
      expect(accepts).toBe(false);
      await expect(p.run({ job, pieces: linesPieces([bytes]) })).rejects.toThrow(AuditError);
      return;
    }
    for (const at of [0, 1500, words.length]) {
      const list: (string | Uint8Array)[] = [...words];
      list.splice(at, 0, bytes);
      const r = await p.run({ job: { ...job, kernel }, pieces: linesPieces(list, 700) });
      expect(r.found).toBe(accepts);
      if (job.options.digest !== "sha512") expect(r.kernel).toBe(kernel);
      if (accepts) expect([...r.secret!]).toEqual([...bytes]);
      if (!accepts) expect(r.tried).toBe(list.length);
    }
  });

  it("finds the empty secret (first in the built-in list)", async () => {
    const { value } = signSession("flask", dict([["u", "a"]]), {
      secret: "",
      timestamp: 1767237945,
    });
    const r = await p.run({
      job: jobFor("flask", value, {}, kernel),
      pieces: listPieces(knownSecrets()),
    });
    expect(r.found).toBe(true);
    expect(r.secret!.length).toBe(0);
  });

  it("finds a built-in secret and reports not-found over the whole list", async () => {
    const dev = signSession("starlette", dict([["n", 1]]), {
      secret: "super-secret",
      timestamp: 1767237945,
    });
    const hit = await p.run({
      job: jobFor("starlette", dev.value, {}, kernel),
      pieces: listPieces(knownSecrets()),
    });
    expect(new TextDecoder().decode(hit.secret!)).toBe("super-secret");
    const strong = signSession("starlette", dict([["n", 1]]), {
      secret: "k3Q9-not-in-any-list",
      timestamp: 1767237945,
    });
    const miss = await p.run({
      job: jobFor("starlette", strong.value, {}, kernel),
      pieces: listPieces(knownSecrets()),
    });
    expect(miss.found).toBe(false);
    expect(miss.tried).toBe(knownSecrets().count);
  });

  it.each([
    ["flask", {}],
    ["itsdangerous", {}],
    ["starlette", {}],
    ["django", {}],
    ["django", { digest: "sha1" as const }],
    ["cookie-session", { name: "session" }],
    ["express-session", {}],
  ] as const)("finds secrets longer than a hash block: %s %o", async (format, extra) => {
    // Past 64 bytes HMAC hashes the key first, and the derivations hash more blocks.
    const long = [65, 100, 119, 120, 200, 1000].map((n) => `${format}-`.padEnd(n, "k"));
    for (const secret of long) {
      const data = format === "express-session" ? "sid-123" : dict([["n", 1]]);
      const signed = signSession(format, data, { secret, timestamp: 1767237945, ...extra });
      const options = { ...extra, ...(signed.sig ? { sig: signed.sig, name: "session" } : {}) };
      const list = [...decoys(900), ...long.filter((l) => l !== secret), secret, ...decoys(9)];
      const r = await p.run({
        job: jobFor(format, signed.value, options, kernel),
        pieces: linesPieces(list, 300),
      });
      expect(r.found, `${format} ${secret.length}`).toBe(true);
      expect(new TextDecoder().decode(r.secret!)).toBe(secret);
    }
  });

  it("reports the earliest hit in list order across workers", async () => {
    // "dev" and "dev\0" are the same HMAC key (keys are zero-padded): both verify.
    const { value } = signSession("flask", dict([["n", 1]]), {
      secret: "dev",
      timestamp: 1767237945,
    });
    const list = [...decoys(5000), "dev\u0000", ...decoys(10), "dev"];
    const r = await p.run({
      job: jobFor("flask", value, {}, kernel),
      pieces: linesPieces(list, 500),
    });
    expect([...r.secret!]).toEqual([0x64, 0x65, 0x76, 0]);
  });
});

describe("cancel", () => {
  it("stops handing out work and says cancelled", async () => {
    const p = pool(2);
    const { value } = signSession("flask", dict([["n", 1]]), {
      secret: "nope-not-listed",
      timestamp: 1,
    });
    let handedOut = 0;
    function* endless(): Generator<Piece> {
      while (true) {
        handedOut++;
        yield linesPieces(decoys(200))[0]!;
      }
    }
    const run = p.run({
      job: jobFor("flask", value, {}),
      pieces: endless(),
      onProgress: (pr) => {
        if (pr.tried >= 1000) p.cancel();
      },
    });
    const r = await run;
    expect(r.cancelled).toBe(true);
    expect(r.found).toBe(false);
    const after = handedOut;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handedOut).toBe(after);
    // at most the pieces already in flight (two per worker) finished after the cancel
    expect(r.tried).toBeLessThanOrEqual(1000 + 4 * 200);
    // the pool is free for the next audit
    const again = await p.run({ job: jobFor("flask", value, {}), pieces: linesPieces(["a", "b"]) });
    expect(again.tried).toBe(2);
  });
});

describe("a worker that stops", () => {
  const signed = (secret: string) =>
    signSession("flask", dict([["n", 1]]), { secret, timestamp: 1767237945 }).value;

  /** A worker that starts, then dies at its first batch, as its shell reports a crash. */
  function dyingPort(): WorkerPort {
    const inner = inProcessPort();
    let handler: (msg: FromWorker) => void = () => {};
    return {
      send(msg, transfer) {
        if (msg.type === "batch") {
          setTimeout(
            () =>
              handler({ type: "error", stopped: true, problem: "an audit worker stopped: boom" }),
            5,
          );
          return;
        }
        inner.send(msg, transfer);
      },
      listen(h) {
        handler = h;
        inner.listen(h);
      },
    };
  }

  it("ends the audit with why, and the next audit runs on the workers left", async () => {
    const p = new AuditPool([inProcessPort(), dyingPort()], () => performance.now());
    const job = jobFor("flask", signed("dev"), {});
    await expect(p.run({ job, pieces: linesPieces(decoys(5000), 100) })).rejects.toThrow(
      /an audit worker stopped: boom/,
    );
    expect(p.size).toBe(1);
    const again = await p.run({ job, pieces: linesPieces([...decoys(3000), "dev"], 100) });
    expect(again.found).toBe(true);
  });

  it("says no worker is running, at once, when none is left", async () => {
    const p = new AuditPool([dyingPort()], () => performance.now());
    const job = jobFor("flask", signed("dev"), {});
    await expect(p.run({ job, pieces: linesPieces(["a"]) })).rejects.toThrow(/stopped: boom/);
    await expect(p.run({ job, pieces: linesPieces(["dev"]) })).rejects.toThrow(
      /no audit worker is running \(an audit worker stopped: boom\)/,
    );
  });

  it("answers a message that throws in the worker with an error for its batch", async () => {
    const answers: FromWorker[] = [];
    const core = createWorkerCore((msg) => answers.push(msg));
    await core({ type: "init", key: "k", job: jobFor("flask", signed("dev"), {}), drop: [] });
    // Spans past the end of the bytes: the kernel reads nothing sensible, the core must not die.
    const bad = { type: "batch", key: "k", id: 3, bytes: new Uint8Array(4), spans: null } as never;
    await core(bad);
    expect(answers.at(-1)).toMatchObject({ type: "error", id: 3 });
    await core({ type: "batch", key: "k", id: 4, bytes: new TextEncoder().encode("dev\n") });
    expect(answers.at(-1)).toMatchObject({ type: "done", id: 4, tried: 1 });
  });
});

describe("prepare", () => {
  const signed = (secret: string) =>
    signSession("flask", dict([["n", 1]]), { secret, timestamp: 1767237945 }).value;

  /**
   * Like a real worker: each message is handled as it comes, not after the previous one; the
   * second cookie's kernel takes longer to build (a bigger cookie), so its answer comes last.
   */
  function unqueuedPort(sent: string[]): WorkerPort {
    let handler: (msg: FromWorker) => void = () => {};
    const core = createWorkerCore((msg) => setTimeout(() => handler(msg), 0));
    return {
      send(msg) {
        sent.push(msg.type === "init" && msg.warm === true ? "init+warm" : msg.type);
        const slow = msg.type === "init" && sent.filter((t) => t.startsWith("init")).length === 2;
        if (slow) setTimeout(() => void core(msg), 50);
        else void core(msg);
      },
      listen(h) {
        handler = h;
      },
    };
  }

  it("builds the kernel once for a job prepared and then run twice", async () => {
    const sent: string[] = [];
    const p = new AuditPool([unqueuedPort(sent)], () => performance.now());
    const job = jobFor("flask", signed("dev"), {});
    p.prepare(job);
    for (let i = 0; i < 2; i++) {
      const r = await p.run({ job, pieces: linesPieces(["a", "dev"]) });
      expect(new TextDecoder().decode(r.secret!)).toBe("dev");
    }
    // one init, asking the worker to warm the kernel up (its throwaway hits are not reported)
    expect(sent.filter((t) => t.startsWith("init"))).toEqual(["init+warm"]);
  });

  it("runs another cookie with its own kernel while one is still being prepared", async () => {
    const sent: string[] = [];
    const p = new AuditPool([unqueuedPort(sent)], () => performance.now());
    p.prepare(jobFor("flask", signed("shown-first"), {}));
    const r = await p.run({
      job: jobFor("flask", signed("dev"), {}),
      pieces: linesPieces(["a", "dev"]),
    });
    expect(r.found).toBe(true);
    expect(new TextDecoder().decode(r.secret!)).toBe("dev");
  });

  /** A worker core behind a port that records every message the coordinator sends it. */
  function recordingPort(sent: ToWorker[]): WorkerPort {
    let handler: (msg: FromWorker) => void = () => {};
    const core = createWorkerCore((msg) => setTimeout(() => handler(msg), 0));
    let queue = Promise.resolve();
    return {
      send(msg) {
        sent.push(msg);
        queue = queue.then(() => core({ ...msg, ...(msg.type === "init" ? { warm: false } : {}) }));
      },
      listen(h) {
        handler = h;
      },
    };
  }
  const inits = (sent: ToWorker[]) => sent.filter((m) => m.type === "init");

  it("keeps a kernel for each format a shown cookie fits, so each runs without a new init", async () => {
    const sent: ToWorker[] = [];
    const p = new AuditPool([recordingPort(sent)], () => performance.now());
    // One Flask cookie read as Flask and as bare itsdangerous: other salts, other kernels.
    const value = signed("dev");
    const asFlask = jobFor("flask", value, {});
    const asItsdangerous = jobFor("itsdangerous", value, {});
    p.prepare(asFlask);
    p.prepare(asItsdangerous);
    const flask = await p.run({ job: asFlask, pieces: linesPieces(["a", "dev"]) });
    const bare = await p.run({ job: asItsdangerous, pieces: linesPieces(["a", "dev"]) });
    expect(new TextDecoder().decode(flask.secret!)).toBe("dev");
    expect(bare.found).toBe(false); // Flask's salt is not itsdangerous's default
    await p.run({ job: asFlask, pieces: linesPieces(["dev"]) });
    expect(inits(sent)).toHaveLength(2);
  });

  it(`keeps ${KERNELS_KEPT} kernels: the least recently used is dropped here and in the workers`, async () => {
    const sent: ToWorker[] = [];
    const p = new AuditPool([recordingPort(sent)], () => performance.now());
    const jobs = Array.from({ length: KERNELS_KEPT + 1 }, (_, i) =>
      jobFor("flask", signed(`secret-${i}`), {}),
    );
    for (const job of jobs) p.prepare(job);
    const again = await p.run({ job: jobs[0]!, pieces: linesPieces(["secret-0"]) });
    expect(again.found).toBe(true);
    const all = inits(sent);
    expect(all).toHaveLength(KERNELS_KEPT + 2);
    const first = all[0]?.type === "init" ? all[0].key : "";
    // The fifth init dropped the first job's kernel; running it again built it anew.
    expect(all[KERNELS_KEPT]).toMatchObject({ drop: [first] });
    expect(all[KERNELS_KEPT + 1]).toMatchObject({ key: first });
  });

  it("a batch for a kernel the worker does not hold is an error naming the batch", async () => {
    const answers: FromWorker[] = [];
    const core = createWorkerCore((msg) => answers.push(msg));
    await core({ type: "batch", key: "never-prepared", id: 7, bytes: new Uint8Array([0x61, 10]) });
    expect(answers).toEqual([
      { type: "error", id: 7, problem: "audit worker got a batch before its cookie" },
    ]);
  });

  it("does not keep a failed preparation: the run says why, the next cookie works", async () => {
    const p = pool(2);
    const bad = jobFor("flask", "not-a-cookie", {});
    p.prepare(bad);
    await expect(p.run({ job: bad, pieces: [] })).rejects.toThrow(AuditError);
    const r = await p.run({
      job: jobFor("flask", signed("dev"), {}),
      pieces: linesPieces(["dev"]),
    });
    expect(r.found).toBe(true);
  });
});
