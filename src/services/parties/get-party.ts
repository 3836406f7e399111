import { AppError } from "../../core/errors.ts";
import type { Party } from "../../core/parties/party.ts";
import { type PartyView, partyViewFor } from "../../core/parties/party-access.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { ServiceContext } from "../service-context.ts";

export interface VisibleParty {
  readonly party: Party;
  /** Which fields the caller may see; presenters render only those. */
  readonly view: PartyView;
}

export async function getParty(ctx: ServiceContext, id: string): Promise<VisibleParty> {
  const party = await findPartyById(ctx.store.db, id);
  if (!party) throw new AppError("not-found", `no party with id ${id}`, { pointer: "/params/id" });
  return { party, view: partyViewFor(ctx.actor, party) };
}
