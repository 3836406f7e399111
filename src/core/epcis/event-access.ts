import { type Actor, isOperator } from "../auth/actor.ts";
import { regionPrefix } from "../ids/region-code.ts";

/**
 * Who reads which EPCIS events (docs/design/epcis.md): operators all of them; an enterprise the events it is a
 * party to — it recorded them, or a source or destination entry names it (EPCIS 2.0 §7.3.5.5); a regulator the
 * events of parties in its region (GB/T 2260 prefix); the public none (it has the public trace pages).
 */
export type EventAccess =
  | { readonly kind: "all" }
  | { readonly kind: "party"; readonly partyId: string }
  | { readonly kind: "region"; readonly prefix: string };

export function eventAccessFor(actor: Actor): EventAccess | undefined {
  if (isOperator(actor)) return { kind: "all" };
  if (actor.kind === "enterprise") return { kind: "party", partyId: actor.partyId };
  if (actor.kind === "regulator") return { kind: "region", prefix: regionPrefix(actor.regionCode) };
  return undefined;
}

/** Capturing records events as one's own: enterprises for their party, operators for none in particular. */
export function mayCaptureEvents(actor: Actor): boolean {
  return isOperator(actor) || actor.kind === "enterprise";
}
