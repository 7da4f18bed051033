/**
 * Just enough of the WebAssembly binary format to emit the audit's kernels: one memory, i32
 * functions, v128 locals, and the few SIMD opcodes SHA needs. Emitting bytes from TypeScript
 * keeps the build free of a .wat toolchain; the bytes are generated per cookie at run time.
 */

export const I32 = 0x7f;
export const V128 = 0x7b;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  let more = true;
  while (more) {
    let byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) more = false;
    else byte |= 0x80;
    out.push(byte);
  }
  return out;
}

function name(s: string): number[] {
  const bytes = [...s].map((c) => c.charCodeAt(0));
  return [...uleb(bytes.length), ...bytes];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

export interface FunctionBody {
  /** Exported name. */
  name: string;
  params: number;
  /** Local declarations after the params: [count, type]. */
  locals: [number, number][];
  code: number[];
}

/** A module with one exported memory ("memory") and functions `(i32 × params) -> i32`. */
export function encodeModule(pages: number, fns: readonly FunctionBody[]): Uint8Array<ArrayBuffer> {
  const types = fns.map((f) => [
    0x60,
    ...vec(Array.from({ length: f.params }, () => [I32])),
    1,
    I32,
  ]);
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(
      7,
      vec([
        [...name("memory"), 0x02, 0],
        ...fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]),
      ]),
    ),
    ...section(
      10,
      vec(
        fns.map((f) => {
          const body = [...vec(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.code, 0x0b];
          return [...uleb(body.length), ...body];
        }),
      ),
    ),
  ];
  return Uint8Array.from(bytes);
}

/** Opcodes used by the kernels (SIMD ones follow the 0xfd prefix). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Store: 0x36,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Shl: 0x74,
  empty: 0x40,
} as const;

export const SIMD = {
  load: 0x00,
  const: 0x0c,
  splat: 0x11,
  eq: 0x37,
  and: 0x4e,
  or: 0x50,
  xor: 0x51,
  bitselect: 0x52,
  anyTrue: 0x53,
  shl: 0xab,
  shrU: 0xad,
  add: 0xae,
} as const;

export function simd(op: number): number[] {
  return [0xfd, ...uleb(op)];
}
