/**
 * The WebAssembly SIMD kernel: a module generated for this one cookie (its message blocks and
 * salt blocks folded into the code as constants), checking four candidates per v128 lane group.
 * JS packs the candidates' key blocks into memory, big-endian words already, interleaved by lane;
 * one call checks up to 128 groups and lists the groups whose MAC's first word matched. Keys
 * longer than a block (hashed first by HMAC) and SHA-512 go to the JS kernel.
 */

import { createJsKernel, firstWord } from "../kernels/jsKernel";
import type { Kernel } from "../kernels/kernel";
import type { AuditRecipe } from "../recipe";
import { encodeModule, I32, OP, SIMD, simd, sleb, uleb, V128 } from "./encode";
import { Lanes, type V } from "./lanes";
import { constBlocks, hmacLanes, type LaneHash, SHA1_LANES, SHA256_LANES } from "./shaLanes";

const GROUPS = 128;
const LANES = 4;
const P_GROUPS = 0;
const L_G = 1;
const L_P = 2;
const L_H = 3;

interface Plan {
  /** Blocks of candidate-dependent words per group: 1 for a key block, B for hash(prefix + candidate). */
  blocks: number;
  code: { locals: [number, number][]; code: number[] };
}

function hashOf(recipe: AuditRecipe): LaneHash | null {
  if (recipe.digest === "sha1") return SHA1_LANES;
  if (recipe.digest === "sha256") return SHA256_LANES;
  return null;
}

/** The code of one run function for `blocks` loaded blocks per group. */
function generate(
  recipe: AuditRecipe,
  hash: LaneHash,
  blocks: number,
  hitBase: number,
): Plan["code"] {
  const l = new Lanes(4);
  const loaded: V[][] = [];
  for (let b = 0; b < blocks; b++) {
    loaded.push(Array.from({ length: 16 }, (_, t) => l.load(L_P, (b * 16 + t) * 16)));
  }
  const message = constBlocks(recipe.message, 64);
  let key: V[];
  if (recipe.derivation === "none") {
    key = loaded[0]!;
  } else {
    let derived: V[];
    if (recipe.derivation === "hmac") {
      derived = hmacLanes(l, hash, loaded[0]!, constBlocks(recipe.salt, 64));
    } else {
      derived = [...hash.iv];
      for (const block of loaded) derived = hash.compress(l, derived, block);
    }
    key = [...derived];
    while (key.length < 16) key.push(0);
  }
  const mac = hmacLanes(l, hash, key, message);
  const want = firstWord(recipe.expected);
  l.seal();
  const c = l.code;
  l.push(mac[0]!);
  l.push(want);
  c.push(...simd(SIMD.eq), ...simd(SIMD.anyTrue));
  c.push(OP.if, OP.empty);
  c.push(OP.localGet, L_H, OP.i32Const, 2, OP.i32Shl, OP.localGet, L_G);
  c.push(OP.i32Store, 2, ...uleb(hitBase));
  c.push(OP.localGet, L_H, OP.i32Const, 1, OP.i32Add, OP.localSet, L_H, OP.end);
  const stride = blocks * 16 * 16;
  const code = [
    OP.block,
    OP.empty,
    OP.loop,
    OP.empty,
    OP.localGet,
    L_G,
    OP.localGet,
    P_GROUPS,
    OP.i32GeU,
    OP.brIf,
    1,
    ...c,
    OP.localGet,
    L_G,
    OP.i32Const,
    1,
    OP.i32Add,
    OP.localSet,
    L_G,
    OP.localGet,
    L_P,
    OP.i32Const,
    ...sleb(stride),
    OP.i32Add,
    OP.localSet,
    L_P,
    OP.br,
    0,
    OP.end,
    OP.end,
    OP.localGet,
    L_H,
  ];
  return {
    locals: [
      [3, I32],
      [l.localCount - 4, V128],
    ],
    code,
  };
}

/** How many loaded blocks a candidate of `n` bytes needs; 0 = not for this kernel. */
function blocksFor(recipe: AuditRecipe, n: number): number {
  if (n > 64) return 0;
  if (recipe.derivation === "none" || recipe.derivation === "hmac") return 1;
  return Math.ceil((recipe.salt.length + n + 9) / 64);
}

export async function createWasmKernel(recipe: AuditRecipe): Promise<Kernel | null> {
  const hash = hashOf(recipe);
  if (hash === null || typeof WebAssembly !== "object") return null;
  const maxBlocks = blocksFor(recipe, 64);
  const inputBytes = GROUPS * maxBlocks * 256;
  const hitBase = inputBytes;
  const pages = Math.ceil((hitBase + GROUPS * 4) / 65536);
  const classes = Array.from({ length: maxBlocks }, (_, i) => i + 1).filter(
    (b) =>
      b === maxBlocks || recipe.derivation === "concat" || recipe.derivation === "django-concat",
  );
  const fns = classes.map((b) => ({
    name: `run${b}`,
    params: 1,
    ...generate(recipe, hash, b, hitBase),
  }));
  let instance: WebAssembly.Instance;
  try {
    const module = await WebAssembly.compile(encodeModule(pages, fns));
    instance = await WebAssembly.instantiate(module);
  } catch {
    return null; // no SIMD in this engine
  }
  const memory = instance.exports.memory as WebAssembly.Memory;
  const mem = new Int32Array(memory.buffer);
  const runs = new Map<number, (groups: number) => number>();
  for (const b of classes) runs.set(b, instance.exports[`run${b}`] as (groups: number) => number);
  const js = createJsKernel(recipe);
  const prefix =
    recipe.derivation === "concat" || recipe.derivation === "django-concat" ? recipe.salt : null;

  const buckets = new Map<number, Int32Array>(
    classes.map((b) => [b, new Int32Array(GROUPS * LANES)]),
  );
  const fill = new Map<number, number>(classes.map((b) => [b, 0]));
  const slowSpans: number[] = [];
  const slowIndex: number[] = [];
  const found: number[] = [];
  const slowHits: number[] = [];

  // The words the constant prefix fills, packed once: each candidate starts from a copy of them
  // instead of zeroed words and the prefix written byte by byte (Firefox paid for that).
  const at = prefix === null ? 0 : prefix.length;
  const prefixWords = new Int32Array(maxBlocks * 16);
  for (let k = 0; k < at; k++) prefixWords[k >> 2]! |= prefix![k]! << (24 - 8 * (k & 3));

  function pack(b: number, slot: number, bytes: Uint8Array, from: number, to: number): void {
    const base = (slot >> 2) * b * 64 + (slot & 3);
    for (let t = 0; t < b * 16; t++) mem[base + t * 4] = prefixWords[t]!;
    const put = (k: number, byte: number) => {
      const w = base + (k >> 2) * 4;
      mem[w] = mem[w]! | (byte << (24 - 8 * (k & 3)));
    };
    for (let k = from; k < to; k++) put(at + k - from, bytes[k]!);
    if (prefix !== null) {
      const n = at + to - from;
      put(n, 0x80);
      mem[base + (b * 16 - 1) * 4] = n * 8;
    }
  }

  function flush(b: number, bytes: Uint8Array, spans: Int32Array): void {
    const m = fill.get(b)!;
    if (m === 0) return;
    const idx = buckets.get(b)!;
    const groups = Math.ceil(m / LANES);
    for (let s = 0; s < groups * LANES; s++) {
      const i = idx[Math.min(s, m - 1)]!;
      pack(b, s, bytes, spans[2 * i]!, spans[2 * i + 1]!);
    }
    const n = runs.get(b)!(groups);
    for (let h = 0; h < n; h++) {
      const g = mem[(hitBase >> 2) + h]!;
      for (let lane = 0; lane < LANES && g * LANES + lane < m; lane++)
        found.push(idx[g * LANES + lane]!);
    }
    fill.set(b, 0);
  }

  return {
    name: "wasm-simd",
    run(bytes, spans, count, hits) {
      found.length = 0;
      slowSpans.length = 0;
      slowIndex.length = 0;
      for (let i = 0; i < count; i++) {
        const b = blocksFor(recipe, spans[2 * i + 1]! - spans[2 * i]!);
        const bucket = b === 0 ? undefined : buckets.get(b);
        if (bucket === undefined) {
          slowSpans.push(spans[2 * i]!, spans[2 * i + 1]!);
          slowIndex.push(i);
          continue;
        }
        const m = fill.get(b)!;
        bucket[m] = i;
        fill.set(b, m + 1);
        if (m + 1 === GROUPS * LANES) flush(b, bytes, spans);
      }
      for (const b of classes) flush(b, bytes, spans);
      if (slowIndex.length > 0) {
        slowHits.length = 0;
        js.run(bytes, Int32Array.from(slowSpans), slowIndex.length, slowHits);
        for (const h of slowHits) found.push(slowIndex[h]!);
      }
      found.sort((x, y) => x - y);
      for (const i of found) hits.push(i);
    },
  };
}
