/** Shared by the audit tests: an in-process pool, lists from strings, and vector → job. */

import { AuditPool, type Piece } from "../../../src/audit/coordinator";
import { inProcessPort } from "../../../src/audit/inProcess";
import type { AuditJob } from "../../../src/audit/protocol";
import { utf8Encode } from "../../../src/codec/bytes";
import { decodeCookie } from "../../../src/codec/decode";
import type { CodecOptions, FormatId } from "../../../src/codec/types";

export function pool(n = 2): AuditPool {
  return new AuditPool(Array.from({ length: n }, inProcessPort), () => performance.now());
}

/** Raw list pieces (as a streamed file gives them), `perPiece` lines each. */
export function linesPieces(lines: (string | Uint8Array)[], perPiece = 1000): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < lines.length; i += perPiece) {
    const parts = lines
      .slice(i, i + perPiece)
      .map((l) => (typeof l === "string" ? utf8Encode(l) : l));
    const size = parts.reduce((n, p) => n + p.length + 1, 0);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
      bytes[at++] = 10;
    }
    pieces.push({ bytes, weight: size });
  }
  return pieces;
}

export function jobFor(
  format: FormatId,
  cookie: string,
  o: CodecOptions,
  kernel?: AuditJob["kernel"],
): AuditJob {
  return {
    format,
    cookie,
    options: {
      name: o.name,
      sig: o.sig,
      salt: o.salt,
      digest: o.digest,
      keyDerivation: o.keyDerivation,
    },
    kernel,
  };
}

/** Whether the codec itself accepts `secret` for this cookie (signature only, no expiry). */
export function codecAccepts(job: AuditJob, secret: string | Uint8Array): boolean {
  return (
    decodeCookie(job.format, job.cookie, { ...job.options, secret, maxAge: null }).key === "secret"
  );
}

export function decoys(n: number, seed = 1): string[] {
  let x = seed;
  return Array.from({ length: n }, (_, i) => {
    x = (x * 1103515245 + 12345) >>> 0;
    return `decoy-${i}-${x.toString(36)}`.slice(0, 4 + (x % 60));
  });
}
