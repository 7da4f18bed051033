/**
 * New sides and their ids. Ids only need to be unique within one origin's list; they let the
 * editor keep focus and reveal state on the right side when the list changes.
 */
import { FORMAT_INFO } from "../../codec";
import type { FormatId } from "../../codec/types";
import type { Side } from "../../model/side";

let counter = 0;

export function makeSideId(): string {
  counter += 1;
  return `side-${Date.now().toString(36)}-${counter}`;
}

export function newSide(existing: readonly Side[], format: FormatId = "flask"): Side {
  return {
    id: makeSideId(),
    label: `App ${existing.length + 1}`,
    format,
    cookieName: FORMAT_INFO[format].defaultCookieName,
    pathPrefix: "/",
    fallbacks: [],
    options: {},
  };
}
