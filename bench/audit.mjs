/**
 * `npm run bench:audit`: weak-secret audit speed, candidates per second, next to references
 * measured in the same run on the same machine: Python itsdangerous `loads` over the same list
 * (the method Flask-Unsign uses), a bare Python `hmac` loop, Node's crypto.createHmac (native
 * OpenSSL, one call per HMAC) and the hardware limit from `openssl speed -evp sha1/sha256`
 * (64-byte compressions per second ÷ compressions one candidate needs). Then the whole
 * `sessionlens audit` command on all cores over a 6-million-line list (start-up and reading
 * included). Then the panel's audit (its module workers and pieces) in headless Chromium and
 * Firefox ESR (bench/audit-browser.mjs): the built-in list, and the built-in list + the same
 * 6-million-line list as a File. Last, the built extension's panel in Chromium's and Firefox
 * ESR's DevTools, clicked as a user would (bench/audit-devtools.mjs). Not a test; on a shared machine the
 * figures move with the load.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { panelAuditInBrowsers } from "./audit-browser.mjs";
import { panelAuditInDevtools, panelAuditInFirefoxDevtools } from "./audit-devtools.mjs";
import { importBundled, root } from "./cases.mjs";

const { module: A } = await importBundled(`export * from "./bench/audit-entry.ts";`);

const N = 400_000;
const words = Array.from({ length: N }, (_, i) => `cand-${(i * 2654435761) >>> 0}-${i % 97}`);
const listText = `${words.join("\n")}\n`;
const listBytes = new TextEncoder().encode(listText);
const lines = A.splitLines(listBytes, listBytes.length, true);
const TS = 1767237945;
const big = A.dict([
  [
    "cart",
    Array.from({ length: 120 }, (_, i) =>
      A.dict([
        ["sku", `SKU-${(i * 7919) % 100000}`],
        ["qty", i % 5],
      ]),
    ),
  ],
]);
const cases = [
  [
    "flask ~100 B",
    "flask",
    A.signSession(
      "flask",
      A.dict([
        ["user_id", 42],
        ["csrf", "0123456789abcdef0123"],
      ]),
      { secret: "x-unlisted", timestamp: TS },
    ).value,
    "sha1",
  ],
  [
    "flask 3 KB zlib",
    "flask",
    A.signSession("flask", big, { secret: "x-unlisted", timestamp: TS }).value,
    "sha1",
  ],
  [
    "starlette",
    "starlette",
    A.signSession("starlette", A.dict([["user_id", 42]]), { secret: "x-unlisted", timestamp: TS })
      .value,
    "sha1",
  ],
  [
    "django",
    "django",
    A.signSession("django", A.dict([["user_id", 42]]), { secret: "x-unlisted", timestamp: TS })
      .value,
    "sha256",
  ],
];

function kernelRate(kernel) {
  const hits = [];
  kernel.run(listBytes, lines.spans, 20_000, hits);
  const t0 = performance.now();
  kernel.run(listBytes, lines.spans, lines.count, hits);
  return lines.count / ((performance.now() - t0) / 1000);
}

/** Compressions per candidate, as the kernels do them (blocks of 64 bytes). */
function compressions(r) {
  const blocks = (n) => Math.ceil((n + 9) / 64);
  const hmac = (msg) => 2 + blocks(msg + 64) - 1 + 1;
  const mac = hmac(r.message.length);
  if (r.derivation === "hmac") return hmac(r.salt.length) + mac;
  if (r.derivation === "none") return mac;
  return blocks(r.salt.length + 12) + mac;
}

/**
 * Compressions per second: digests of 16 KB buffers (256 blocks + 1 of padding each). Digests of
 * 64 bytes would count one compression where there are two (the padding block) and spend the
 * rest of the time in EVP's per-call init/final, a limit several times below the hardware's.
 */
function opensslPerSecond(digest) {
  const size = 16384;
  const args = ["speed", "-evp", digest, "-bytes", String(size), "-seconds", "1"];
  const text = execFileSync("openssl", args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const kbs = Number(/\s([\d.]+)k\s*$/m.exec(text)[1]); // 1000s of bytes per second
  return ((kbs * 1000) / size) * (size / 64 + 1);
}

function python(kind, cookie) {
  const sample = words.slice(0, kind === "itsdangerous" ? 20_000 : 100_000);
  const script = `
import sys, time, hmac, hashlib
from itsdangerous import URLSafeTimedSerializer, BadSignature
words = sys.stdin.read().split("\\n")
cookie = ${JSON.stringify(cookie)}
body = cookie.rsplit(".", 1)[0].encode()
t = time.perf_counter()
if "${kind}" == "itsdangerous":
    for w in words:
        s = URLSafeTimedSerializer(w, salt="cookie-session", signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1})
        try: s.loads(cookie)
        except BadSignature: pass
else:
    for w in words:
        k = hmac.new(w.encode(), b"cookie-session", hashlib.sha1).digest()
        hmac.new(k, body, hashlib.sha1).digest()
print(len(words) / (time.perf_counter() - t))
`;
  const r = spawnSync("/usr/bin/python3", ["-c", script], {
    input: sample.join("\n"),
    encoding: "utf8",
  });
  return Number(r.stdout.trim());
}

function nodeCrypto(cookie) {
  const body = Buffer.from(cookie.slice(0, cookie.lastIndexOf(".")));
  const t0 = performance.now();
  const n = 200_000;
  for (let i = 0; i < n; i++) {
    const k = createHmac("sha1", words[i]).update("cookie-session").digest();
    createHmac("sha1", k).update(body).digest();
  }
  return n / ((performance.now() - t0) / 1000);
}

const M = (x) => `${(x / 1e6).toFixed(2)} M/s`.padStart(10);
const X = (x) => `${x.toFixed(1)}x`.padStart(7);
console.log(
  `Node ${process.versions.node} · ${availableParallelism()} cores · load ${(await import("node:os")).loadavg()[0].toFixed(1)} · ${lines.count.toLocaleString("en-US")} candidates per kernel run\n`,
);
console.log(
  `${"cookie".padEnd(16)} ${"len".padStart(5)} ${"JS 1 core".padStart(10)} ${"WASM 1 core".padStart(11)}  wasm/js  limit/core  wasm/limit`,
);
const limits = { sha1: opensslPerSecond("sha1"), sha256: opensslPerSecond("sha256") };
let flaskRecipe = null;
for (const [name, format, cookie, digest] of cases) {
  const r = A.prepareRecipe(format, cookie).recipe;
  if (name.startsWith("flask ~")) flaskRecipe = { r, cookie };
  const js = kernelRate(A.createJsKernel(r));
  const wasm = kernelRate(await A.createWasmKernel(r));
  const limit = limits[digest] / compressions(r);
  console.log(
    `${name.padEnd(16)} ${String(cookie.length).padStart(5)} ${M(js)} ${M(wasm).padStart(11)}  ${X(wasm / js)}  ${M(limit)}   ${((wasm / limit) * 100).toFixed(0).padStart(5)} %`,
  );
}

const { cookie } = flaskRecipe;
const wasm1 = kernelRate(await A.createWasmKernel(flaskRecipe.r));
const refs = {
  "python itsdangerous loads": python("itsdangerous", cookie),
  "python bare hmac": python("hmac", cookie),
  "node crypto.createHmac": nodeCrypto(cookie),
};
console.log(`\nflask ~100 B, one core: ours (WASM) ${M(wasm1)}`);
for (const [k, v] of Object.entries(refs))
  console.log(`  ${k.padEnd(28)} ${M(v)}   ours/that ${X(wasm1 / v)}`);

const dir = mkdtempSync(join(tmpdir(), "sessionlens-bench-"));
const file = join(dir, "6m.txt");
const chunk = [];
for (let i = 0; i < 6_000_000; i++) chunk.push(`w${(i * 2654435761) >>> 0}${i % 89}`);
writeFileSync(file, `${chunk.join("\n")}\n`);
const limitAll = (limits.sha1 / compressions(flaskRecipe.r)) * availableParallelism();
const vsRefs = (rate) =>
  `vs python itsdangerous loop (one core) ${X(rate / refs["python itsdangerous loads"])} · vs the SHA-NI limit on all cores ${((rate / limitAll) * 100).toFixed(0)} %`;
let panel;
let devtools;
let firefoxDevtools;
try {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      `${root}bin/sessionlens.mjs`,
      "audit",
      "--format",
      "flask", // auto would also try it as itsdangerous and Starlette
      "--no-builtin",
      "--wordlist",
      file,
      cookie,
    ],
    { encoding: "utf8" },
  );
  const wall = (performance.now() - t0) / 1000;
  const tried = JSON.parse(run.stdout).tried;
  console.log(
    `\nsessionlens audit, all ${availableParallelism()} workers, 6,000,000-line list, whole command: ${wall.toFixed(2)} s → ${M(tried / wall)}`,
  );
  console.log(`  ${vsRefs(tried / wall)}`);

  // The panel's path: the same cookie and list in module workers in real browsers.
  panel = await panelAuditInBrowsers({
    dir,
    listFile: file,
    job: { format: "flask", cookie, options: { name: "session" } },
    browsers: ["chromium", "firefox"],
  });
  // The real thing: the built extension's panel in DevTools, clicked.
  devtools = await panelAuditInDevtools({ cookie, listFile: file });
  firefoxDevtools = await panelAuditInFirefoxDevtools({ cookie });
} finally {
  rmSync(dir, { recursive: true });
}
const BROWSER = { chromium: "Chromium", firefox: "Firefox ESR" };
for (const r of panel) {
  if (r.error !== undefined) {
    console.log(`\npanel audit in ${BROWSER[r.name]}: not measured (${r.error})`);
    continue;
  }
  const version = r.version.split("/").pop();
  const sorted = (runs) => runs.map((k) => k.seconds).sort((a, b) => a - b);
  const warm = sorted(r.known);
  const cold = sorted(r.unprepared);
  const f = r.withFile;
  const absent = [r.withStartup, ...r.known, ...r.unprepared, f].every((x) => !x.found)
    ? ""
    : " (FOUND: check the list)";
  console.log(
    `\npanel audit in ${BROWSER[r.name]} ${version} headless, ${r.workers} module workers (${f.kernel}), flask ~100 B, secret absent${absent}:`,
  );
  console.log(
    `  built-in list, ${r.known[0].tried.toLocaleString("en-US")} distinct candidates, workers started, a fresh cookie shown ${r.shownMs} ms before the click: ${warm[warm.length >> 1].toFixed(3)} s (median of ${warm.length}, best ${warm[0].toFixed(3)})`,
  );
  console.log(
    `  the same, clicked at once (the run builds the kernel): ${cold[cold.length >> 1].toFixed(3)} s (median of ${cold.length}, best ${cold[0].toFixed(3)})`,
  );
  console.log(
    `  the same, first audit, worker start-up included: ${r.withStartup.seconds.toFixed(3)} s (list packed before it: ${r.packSeconds.toFixed(3)} s)`,
  );
  console.log(
    `  built-in list + 6,000,000-line File (streamPieces): ${f.tried.toLocaleString("en-US")} in ${f.seconds.toFixed(2)} s → ${M(f.tried / f.seconds)}`,
  );
  console.log(`  ${vsRefs(f.tried / f.seconds)}`);
}

/** One browser's DevTools figures: `d` from bench/audit-devtools.mjs. */
function printDevtools(browserName, d) {
  if (d.error !== undefined) {
    console.log(`\nSession Lens panel in ${browserName}'s DevTools: not measured (${d.error})`);
    return;
  }
  const median = (runs) => {
    const s = runs.map((r) => r.seconds).sort((a, b) => a - b);
    return `${s[s.length >> 1].toFixed(3)} s (median of ${s.length}, best ${s[0].toFixed(3)})`;
  };
  const declared = d.declared ?? { shown: [], atOnce: [] };
  const runs = [
    d.first,
    ...d.shown,
    ...d.atOnce,
    ...declared.shown,
    ...declared.atOnce,
    ...(d.withFile ? [d.withFile] : []),
  ];
  const tried = (r) => r[0]?.tried.toLocaleString("en-US");
  const absent = runs.every((x) => !x.found) ? "" : " (FOUND: check the list)";
  console.log(
    `\nSession Lens panel in ${browserName} ${d.version.split("/").pop()} DevTools (headless, the built extension, "Audit secret" clicked), flask ~100 B, secret absent${absent}:`,
  );
  console.log(
    `  built-in list as each format the cookie's shape fits (no side declared; ${tried(d.shown)} candidates), a fresh cookie shown ${d.shownMs} ms before the click: ${median(d.shown)}\n  the same, clicked at once: ${median(d.atOnce)}`,
  );
  if (declared.shown.length > 0) {
    console.log(
      `  built-in list as the declared Flask side's format (${tried(declared.shown)} candidates), shown ${d.shownMs} ms before the click: ${median(declared.shown)}\n  the same, clicked at once: ${median(declared.atOnce)}`,
    );
  }
  console.log(
    `  the panel's first audit, clicked as its first cookie appears: ${d.first.seconds.toFixed(3)} s`,
  );
  if (d.withFile) {
    const f = d.withFile;
    console.log(
      `  built-in list + the 6,000,000-line file chosen in the panel: ${f.tried.toLocaleString("en-US")} in ${f.seconds.toFixed(2)} s → ${M(f.tried / f.seconds)}`,
    );
    console.log(`  ${vsRefs(f.tried / f.seconds)}`);
  }
}
printDevtools("Chromium", devtools);
printDevtools("Firefox ESR", firefoxDevtools);
