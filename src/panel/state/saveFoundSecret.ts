/**
 * The audit's "Save the secret to its side": the found secret goes to the declared side of the
 * cookie's format, or to a new side declared for the cookie (src/analysis/auditSave.ts decides);
 * the answer says where, for the button to show.
 */
import { placeFoundSecret } from "../../analysis/auditSave";
import type { DeclareFrom } from "../../analysis/declareSide";
import type { Side } from "../../model/side";
import type { SaveSecret } from "../components/Audit/AuditSection";
import { makeSideId } from "./sideFactory";
import type { SideActions } from "./useSideActions";

export function saveFoundSecret(
  /** Where the cookie came from; the format is the one the secret verified as. */
  from: Omit<DeclareFrom, "format">,
  sides: readonly Side[],
  actions: SideActions,
): SaveSecret {
  return (secret, format) => {
    const placed = placeFoundSecret(secret, { ...from, format }, sides, makeSideId());
    if (placed.unchanged) return `${placed.side.label} already has this secret.`;
    if (placed.isNew) actions.add(placed.side);
    else actions.replace(placed.side);
    return placed.isNew
      ? `Saved to a new side, ${placed.side.label}.`
      : `Saved to ${placed.side.label}.`;
  };
}
