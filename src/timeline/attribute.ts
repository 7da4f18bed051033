/**
 * Attribution: which declared side wrote a value, and which sides can read it. A side wrote it
 * when its format and secret verify it (a signature only that side's key makes); when several
 * do (they share a format and secret) or the write carries no value (a deletion), the request's
 * URL path prefix decides. A value no side verifies is an "unknown writer" with the format its
 * shape suggests. Readings are cached per value: a timeline re-reads the same cookie often.
 */

import { judgeSide, type SideJudgement } from "../analysis/agreement";
import { pathCovers } from "../analysis/overwrite";
import { sideHasSecret } from "../analysis/sideOptions";
import { decodeCookie, detectFormats } from "../codec";
import type { FormatId, Status } from "../codec/types";
import type { Value } from "../codec/value";
import type { Side } from "../model/side";

export type Writer =
  | { kind: "side"; side: Side; by: "signature" | "path" | "format" }
  | { kind: "unknown"; format: FormatId | null };

/** A side's reading after a write: a codec status, or why there is nothing to read. */
export type ReaderStatus = Status | "deleted" | "no_secret" | "not_sent";

export interface Reader {
  side: Side;
  status: ReaderStatus;
}

export interface ValueReading {
  judgements: SideJudgement[];
  detected: FormatId[];
  /** The decoded session: as a side that verifies it reads it, else by shape alone. */
  data: Value | undefined;
}

const SIGNED_BY: ReadonlySet<Status> = new Set(["valid", "valid_legacy", "expired", "bad_payload"]);
export const READS: ReadonlySet<ReaderStatus> = new Set(["valid", "valid_legacy"]);

/** Sides that share this cookie name. */
export function sidesFor(name: string, sides: readonly Side[]): Side[] {
  return sides.filter((s) => s.cookieName === name);
}

export function readValue(
  name: string,
  value: string,
  sides: readonly Side[],
  ctx: { now: number; sig?: string },
): ValueReading {
  const judgements = sidesFor(name, sides).map((side) =>
    judgeSide(side, { name, value, path: "/" }, ctx),
  );
  const detected = detectFormats(value, {
    name,
    ...(ctx.sig !== undefined ? { sig: ctx.sig } : {}),
  });
  const verified = judgements.find((j) => READS.has(j.result.status));
  let data = verified?.result.data;
  if (data === undefined) {
    const format = detected[0];
    if (format) {
      const opts = { name, ...(ctx.sig !== undefined ? { sig: ctx.sig } : {}) };
      data = decodeCookie(format, value, opts).data;
    }
  }
  return { judgements, detected, data };
}

/** The longest declared path prefix that covers the request path, among `candidates`. */
function byPath(candidates: readonly Side[], requestPath: string | null): Side | undefined {
  if (requestPath === null) return candidates.length === 1 ? candidates[0] : undefined;
  return candidates
    .filter((s) => pathCovers(s.pathPrefix || "/", requestPath))
    .sort((a, b) => (b.pathPrefix || "/").length - (a.pathPrefix || "/").length)[0];
}

export function attributeWriter(
  name: string,
  reading: ValueReading | null,
  sides: readonly Side[],
  requestPath: string | null,
): Writer {
  const sharing = sidesFor(name, sides);
  if (reading === null) {
    const side = byPath(sharing, requestPath);
    return side ? { kind: "side", side, by: "path" } : { kind: "unknown", format: null };
  }
  const signers = reading.judgements
    .filter((j) => SIGNED_BY.has(j.result.status))
    .map((j) => j.side);
  if (signers.length === 1 && signers[0])
    return { kind: "side", side: signers[0], by: "signature" };
  if (signers.length > 1) {
    const side = byPath(signers, requestPath) ?? signers[0];
    if (side) return { kind: "side", side, by: "signature" };
  }
  const unkeyed = sharing.filter((s) => !sideHasSecret(s) && reading.detected.includes(s.format));
  const guess = byPath(unkeyed, requestPath);
  if (guess) return { kind: "side", side: guess, by: "format" };
  return { kind: "unknown", format: reading.detected[0] ?? null };
}

export function readersOf(
  name: string,
  cookiePath: string,
  reading: ValueReading | null,
  sides: readonly Side[],
): Reader[] {
  return sidesFor(name, sides).map((side) => {
    if (!pathCovers(cookiePath, side.pathPrefix || "/")) return { side, status: "not_sent" };
    if (reading === null) return { side, status: "deleted" };
    if (!sideHasSecret(side)) return { side, status: "no_secret" };
    const j = reading.judgements.find((x) => x.side === side);
    return { side, status: j ? j.result.status : "no_secret" };
  });
}

export function writerLabel(writer: Writer): string {
  return writer.kind === "side" ? writer.side.label : "unknown";
}
