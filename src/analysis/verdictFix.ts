/**
 * What to do about a verdict: for apps that overwrite each other's cookie, the ways out in the
 * frameworks' own words (a cookie name of one's own, each cookie on its app's path, or one
 * shared format); for a cookie no declared secret verifies, where that app keeps its secret.
 * Pure, built from an Agreement, with the snippets of fixes.ts.
 */
import type { FormatId } from "../codec/types";
import type { Side } from "../model/side";
import type { Agreement } from "./agreement";
import { pathSnippet, renameSnippet, type Snippet, shareFormatSnippets } from "./fixes";
import { joinNames, pathCovers } from "./overwrite";

export type FixKind = "rename" | "path" | "share-format" | "secret";

export interface FixOption {
  kind: FixKind;
  title: string;
  snippets: Snippet[];
}

export interface VerdictFix {
  summary: string;
  options: FixOption[];
}

const SECRET_SETTING: Record<FormatId, string> = {
  flask: "`SECRET_KEY` (and `SECRET_KEY_FALLBACKS` as fallbacks)",
  starlette: "`SessionMiddleware(secret_key=…)`",
  django: "`SECRET_KEY` (and `SECRET_KEY_FALLBACKS` as fallbacks)",
  itsdangerous: "the key given to the serializer",
  "cookie-session": "`keys` (the first signs, the rest are fallbacks)",
  "express-session": "`secret` (an array: the first signs, the rest are fallbacks)",
};

/** Sides in a race, each once, in declared order. */
function racingSides(a: Agreement): Side[] {
  const racing = new Set(a.races.flatMap((r) => r.sides));
  return a.judgements.map((j) => j.side).filter((s) => racing.has(s));
}

/** Paths of their own only help when no app's path reaches another's. */
function pathsApart(sides: readonly Side[]): boolean {
  const paths = sides.map((s) => s.pathPrefix || "/");
  if (paths.some((p) => p === "/")) return false;
  return paths.every((p, i) => paths.every((q, j) => i === j || !pathCovers(p, q)));
}

/** Two apps need one renamed; three need all but one, or two of them still share the cookie. */
function renameTitle(sides: readonly Side[]): string {
  const labels = sides.map((s) => s.label);
  if (labels.length === 2) {
    return `Give one app a cookie name of its own (either ${labels[0]} or ${labels[1]}):`;
  }
  return `Give all apps but one a cookie name of its own (any ${labels.length - 1} of ${joinNames(labels)}):`;
}

function raceFix(sides: readonly Side[]): VerdictFix {
  const options: FixOption[] = [
    {
      kind: "rename",
      title: renameTitle(sides),
      snippets: sides.map(renameSnippet),
    },
  ];
  if (pathsApart(sides)) {
    options.push({
      kind: "path",
      title: "Or keep each app's cookie on the path it serves (all of them):",
      snippets: sides.map(pathSnippet),
    });
  }
  const share = shareFormatSnippets(sides);
  if (share.length > 0) {
    options.push({
      kind: "share-format",
      title: "Or make them share one session in Flask's format:",
      snippets: share,
    });
  }
  return {
    summary: "To stop the overwrites, the apps must stop writing one cookie they cannot all read.",
    options,
  };
}

export function verdictFix(a: Agreement): VerdictFix | null {
  const racing = racingSides(a);
  if (racing.length >= 2) return raceFix(racing);
  const all = a.judgements;
  if (all.length > 0 && all.every((j) => j.outcome === "bad-signature")) {
    const covered = all.filter((j) => pathCovers(a.cookie.path, j.side.pathPrefix || "/"));
    const sides = (covered.length > 0 ? covered : all).map((j) => j.side);
    if (!a.hasSig && sides.every((s) => s.format === "cookie-session")) return null;
    const where = sides.map((s) => `${s.label}: ${SECRET_SETTING[s.format]}`).join("; ");
    return {
      summary: `If one of these apps wrote it, its side needs that app's secret. Copy it from ${where}.`,
      options: [],
    };
  }
  return null;
}
