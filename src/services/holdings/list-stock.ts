import { isOperator } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import { isExpired } from "../../core/lots/expiry.ts";
import { fromMilli } from "../../core/quantity.ts";
import { listHoldingsOfParty } from "../../store/holding-store.ts";
import { findLotsByIds } from "../../store/lot-store.ts";
import type { ServiceContext } from "../service-context.ts";

/** A party's stock, every read treating expired stock as expired. */
export async function listStock(ctx: ServiceContext, partyId: string | undefined) {
  const a = ctx.actor;
  const id = a.kind === "enterprise" ? a.partyId : isOperator(a) ? partyId : undefined;
  if (!id)
    throw new AppError("forbidden", "stock belongs to an enterprise (operators name the party)", {
      pointer: "/query/partyId",
    });
  const holdings = await listHoldingsOfParty(ctx.store.db, id, undefined, 1000);
  const lots = await findLotsByIds(
    ctx.store.db,
    holdings.map((h) => h.lotId),
  );
  const today = chinaDate(ctx.clock.now());
  return holdings.map((h) => {
    const lot = lots.get(h.lotId)!;
    return {
      lotId: h.lotId,
      traceCode: `${ctx.settings.publicBaseUrl}/${lot.traceKey}`,
      lotCode: lot.lotCode,
      quantity: fromMilli(h.quantityMilli),
      unit: lot.unit,
      expiryDate: lot.expiryDate,
      expired: isExpired(lot.expiryDate, today),
    };
  });
}
