import { type Actor, isOperator } from "../auth/actor.ts";
import { isWithinRegion } from "../ids/region-code.ts";
import type { Party } from "./party.ts";

/** How much of a party record an actor may see: everything, or the public e-archive only. */
export type PartyView = "full" | "public";

export function partyViewFor(actor: Actor, party: Pick<Party, "id" | "regionCode">): PartyView {
  if (isOperator(actor)) return "full";
  if (actor.kind === "regulator") return isWithinRegion(actor.regionCode, party.regionCode) ? "full" : "public";
  if (actor.kind === "enterprise") return actor.partyId === party.id ? "full" : "public";
  return "public";
}

/** Registering parties is the work of operators and of regulators inside their region. */
export function mayRegisterParty(actor: Actor, regionCode: string): boolean {
  if (isOperator(actor)) return true;
  return actor.kind === "regulator" && isWithinRegion(actor.regionCode, regionCode);
}

/**
 * Updating: operators always; a regulator inside its region (and it may not move a party out of it);
 * an enterprise its own record, except the regulated fields (see party.ts).
 */
export function mayUpdateParty(actor: Actor, party: Pick<Party, "id" | "regionCode">, newRegionCode: string): boolean {
  if (isOperator(actor)) return true;
  if (actor.kind === "regulator") {
    return isWithinRegion(actor.regionCode, party.regionCode) && isWithinRegion(actor.regionCode, newRegionCode);
  }
  return actor.kind === "enterprise" && actor.partyId === party.id;
}
