/**
 * The codec as shipped (esbuild bundle, ESM, platform neutral, imported from a data: URL so no
 * file is written) and the three benchmark cookies, built deterministically from a seeded PRNG so
 * every run measures the same bytes.
 */
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Bundles TypeScript `source` (resolved from the repository root) as the extension ships code —
 * ESM, platform neutral — and imports it from a data: URL, so no file is written.
 */
export async function importBundled(source) {
  const out = await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "warning",
  });
  const code = out.outputFiles[0].text;
  const module = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
  );
  return { module, bytes: code.length };
}

export async function loadCodec() {
  const { module, bytes } = await importBundled(`export * from "./src/codec/index.ts";`);
  return { codec: module, bytes };
}

/** Deterministic pseudo-random hex (mulberry32). */
function hexStream(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join("");
}

/** A typical Flask login cookie, a ~3 KB compressed Flask cart, a Starlette cookie. */
export function buildCases(codec) {
  const hex = hexStream(42);
  const value = (plain) => codec.fromTypedJson(JSON.stringify(plain));
  const small = { user_id: 42, username: "alice", _fresh: true, csrf_token: hex(40) };
  const cart = [];
  const big = { user_id: 42, username: "alice", cart };
  const flaskSecret = "bench-flask-secret";
  while (codec.signSession("flask", value(big), { secret: flaskSecret }).value.length < 3000) {
    cart.push({ sku: `SKU-${hex(8)}`, qty: cart.length % 5, note: hex(16) });
  }
  const starlette = { user_id: 42, username: "alice", csrf_token: hex(40) };
  const make = (name, kind, secret, session) => {
    const cookie = codec.signSession(kind, value(session), { secret }).value;
    const check = codec.decodeCookie(kind, cookie, { secret });
    if (check.status !== "valid")
      throw new Error(`${name}: the codec says ${check.status}: ${check.detail}`);
    return { name, kind, secret, session, value: value(session), cookie };
  };
  return [
    make("flask ~small", "flask", flaskSecret, small),
    make("flask ~3 KB zlib", "flask", flaskSecret, big),
    make("starlette", "starlette", "bench-starlette-secret", starlette),
  ];
}
