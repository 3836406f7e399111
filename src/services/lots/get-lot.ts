import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { isWithinRegion } from "../../core/ids/region-code.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { findLotById } from "../../store/lot-store.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * A lot. Its identity, dates and origin are public (they are on the pack); quantities are business data, shown to
 * the party that coded it, operators and the regulators of its region.
 */
export async function getLot(ctx: ServiceContext, id: string): Promise<{ lot: Lot; view: "full" | "public" }> {
  const lot = await findLotById(ctx.store.db, id);
  if (!lot) throw new AppError("not-found", `no lot with id ${id}`, { pointer: "/params/id" });
  const a = ctx.actor;
  let full = isOperator(a) || (a.kind === "enterprise" && a.partyId === lot.partyId);
  if (!full && a.kind === "regulator") {
    const coder = await findPartyById(ctx.store.db, lot.partyId);
    full = !!coder && isWithinRegion(a.regionCode, coder.regionCode);
  }
  return { lot, view: full ? "full" : "public" };
}
