/**
 * The web-platform globals the pure cores (tsconfig.pure.json) use, and only the members they
 * use. Each exists, the same, in Node 20, pages, workers and extension service workers; the
 * rest of the DOM and of Node does not, so it stays out of the cores' types. The full DOM and
 * Node types declare these too, which is why the other tsconfigs leave this file out.
 */

interface TextEncoder {
  encode(input: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare const TextEncoder: { new (): TextEncoder };

interface TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare const TextDecoder: {
  new (label?: "utf-8", options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

/** Read only: the cores take URLs apart, never build them. */
interface URL {
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}
declare const URL: { new (url: string): URL };

declare function btoa(binary: string): string;

/** Fire and forget: the return value differs (a number in browsers, an object in Node). */
declare function setTimeout(run: () => void, ms: number): unknown;

/** The audit's SIMD kernel: a module compiled from bytes it generates itself. */
declare namespace WebAssembly {
  class Module {
    private constructor();
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  function compile(bytes: Uint8Array<ArrayBuffer>): Promise<Module>;
  function instantiate(module: Module): Promise<Instance>;
}
