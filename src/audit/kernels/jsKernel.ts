/**
 * The pure-JS kernel: one candidate at a time over the codec's unrolled SHA cores, with the
 * cookie's message blocks, the derivation's salt blocks and all padding prepared once
 * (HmacPlan). It runs everywhere (no WebAssembly needed), handles every key length and
 * digest, and is what the SIMD kernel hands its odd candidates to (keys longer than a block).
 */
import type { HashCore } from "../../codec/crypto/core";
import { SHA1 } from "../../codec/crypto/sha1";
import { SHA256 } from "../../codec/crypto/sha256";
import { SHA512 } from "../../codec/crypto/sha512";
import type { Digest } from "../../codec/types";
import type { AuditRecipe } from "../recipe";
import { HmacPlan, writeWords } from "./hmacPlan";
import type { Kernel } from "./kernel";

export const CORES: Record<Digest, HashCore> = { sha1: SHA1, sha256: SHA256, sha512: SHA512 };

/** The expected MAC's first word, as the kernels compare it. */
export function firstWord(mac: Uint8Array): number {
  return (mac[0]! << 24) | (mac[1]! << 16) | (mac[2]! << 8) | mac[3]! | 0;
}

/** Key derivation for one candidate: the derived key's bytes (a buffer the next call reuses). */
type Derive = (bytes: Uint8Array, from: number, to: number) => Uint8Array;

function deriver(recipe: AuditRecipe, core: HashCore): Derive | null {
  const size = core.digestSize;
  const key = new Uint8Array(size);
  const state = new Int32Array(core.initialState.length);
  switch (recipe.derivation) {
    case "none":
      return null;
    case "hmac": {
      const plan = new HmacPlan(core, recipe.salt);
      return (bytes, from, to) => {
        plan.mac(bytes, from, to, state);
        writeWords(state, size, key);
        return key;
      };
    }
    case "concat":
    case "django-concat": {
      // hash(prefix + candidate): the prefix is copied once, the candidate and padding per call.
      const prefix = recipe.salt;
      let scratch = new Uint8Array(0);
      return (bytes, from, to) => {
        const total = prefix.length + to - from;
        const need =
          Math.ceil((total + 1 + (core.blockSize === 64 ? 8 : 16)) / core.blockSize) *
          core.blockSize;
        if (scratch.length < need) {
          scratch = new Uint8Array(need);
          scratch.set(prefix);
        }
        scratch.set(bytes.subarray(from, to), prefix.length);
        scratch[total] = 0x80;
        scratch.fill(0, total + 1, need);
        const bits = total * 8;
        scratch[need - 4] = bits >>> 24;
        scratch[need - 3] = bits >>> 16;
        scratch[need - 2] = bits >>> 8;
        scratch[need - 1] = bits;
        state.set(core.initialState);
        for (let o = 0; o < need; o += core.blockSize) core.compress(state, scratch, o);
        writeWords(state, size, key);
        return key;
      };
    }
  }
}

export function createJsKernel(recipe: AuditRecipe): Kernel {
  const core = CORES[recipe.digest];
  const plan = new HmacPlan(core, recipe.message);
  const derive = deriver(recipe, core);
  const out = new Int32Array(core.initialState.length);
  const want = firstWord(recipe.expected);
  const size = core.digestSize;
  return {
    name: "js",
    run(bytes, spans, count, hits) {
      for (let i = 0; i < count; i++) {
        const from = spans[2 * i]!;
        const to = spans[2 * i + 1]!;
        if (derive === null) plan.mac(bytes, from, to, out);
        else plan.mac(derive(bytes, from, to), 0, size, out);
        if (out[0] === want) hits.push(i);
      }
    },
  };
}
