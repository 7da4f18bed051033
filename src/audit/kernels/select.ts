/**
 * Which kernel runs: WebAssembly SIMD where the engine has it (several times faster, see
 * bench/audit.mjs), the pure-JS kernel otherwise, for SHA-512, or when asked for.
 */
import type { AuditRecipe } from "../recipe";
import { createWasmKernel } from "../wasm/wasmKernel";
import { createJsKernel } from "./jsKernel";
import type { Kernel } from "./kernel";

export async function createKernel(recipe: AuditRecipe, want?: Kernel["name"]): Promise<Kernel> {
  if (want !== "js") {
    const wasm = await createWasmKernel(recipe);
    if (wasm !== null) return wasm;
  }
  return createJsKernel(recipe);
}
