/** What bench/audit.mjs measures, bundled as the CLI and panel ship it. */
export { createJsKernel } from "../src/audit/kernels/jsKernel";
export { splitLines } from "../src/audit/lines";
export { prepareRecipe } from "../src/audit/recipe";
export { createWasmKernel } from "../src/audit/wasm/wasmKernel";
export { signSession } from "../src/codec/sign";
export { dict } from "../src/codec/value";
