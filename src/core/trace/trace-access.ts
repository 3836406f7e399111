import { type Actor, isOperator } from "../auth/actor.ts";
import type { TraceDocumentRef } from "./trace-model.ts";

/**
 * How much of a chain an actor may trace (docs/architecture.md, authorisation):
 * - regulators and operators: everything, across regions — a chain crosses regions and a regulator must see all
 *   of it (regional confinement applies to lists, not to a trace);
 * - an enterprise: backward from a lot it holds or held (or made), seeing upstream parties' public view; forward
 *   only along its own shipments and what it made itself — its buyers' onward sales are their business data;
 * - the public: nothing here (the consumer page gets a reduced timeline, see public-timeline.ts).
 */
export type TraceScope = { readonly kind: "all" } | { readonly kind: "own"; readonly partyId: string };

export function traceScopeFor(actor: Actor): TraceScope | undefined {
  if (isOperator(actor) || actor.kind === "regulator") return { kind: "all" };
  if (actor.kind === "enterprise") return { kind: "own", partyId: actor.partyId };
  return undefined;
}

/** Documents an actor sees in a trace: all for the "all" scope; otherwise public ones and its own. */
export function documentVisible(scope: TraceScope, d: TraceDocumentRef): boolean {
  if (scope.kind === "all" || d.public) return true;
  return d.ownerPartyId === scope.partyId || (d.target.type === "party" && d.target.id === scope.partyId);
}
