import { isOperator } from "../../core/auth/actor.ts";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import { defaultNearExpiryPolicy, expiryStatus, ruleFor } from "../../core/lots/near-expiry.ts";
import { fromMilli } from "../../core/quantity.ts";
import { listCategories } from "../../store/catalogue-store.ts";
import { listHoldingsOfParty } from "../../store/holding-store.ts";
import { findLotsByIds } from "../../store/lot-store.ts";
import { findProductsByIds } from "../../store/product-store.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * A party's stock, every read treating expired stock as expired (过期阻断) and marking stock near expiry under its
 * category's rule (临期预警) — as of today, whether or not the daily job has run yet.
 */
export async function listStock(ctx: ServiceContext, partyId: string | undefined) {
  const a = ctx.actor;
  const id = a.kind === "enterprise" ? a.partyId : isOperator(a) ? partyId : undefined;
  if (!id)
    throw new AppError("forbidden", "stock belongs to an enterprise (operators name the party)", {
      pointer: "/query/partyId",
    });
  const db = ctx.store.db;
  const holdings = await listHoldingsOfParty(db, id, undefined, 1000);
  const lots = await findLotsByIds(
    db,
    holdings.map((h) => h.lotId),
  );
  const products = await findProductsByIds(
    db,
    [...lots.values()].map((l) => l.productId),
  );
  const parentOf = new Map((await listCategories(db)).map((c) => [c.code, c.parentCode]));
  const policy = ctx.settings.nearExpiry ?? defaultNearExpiryPolicy;
  const today = chinaDate(ctx.clock.now());
  return holdings.map((h) => {
    const lot = lots.get(h.lotId)!;
    const category = products.get(lot.productId)?.categoryCode ?? null;
    const s = expiryStatus(lot, today, ruleFor(policy, category, category ? (parentOf.get(category) ?? null) : null));
    return {
      lotId: h.lotId,
      traceCode: `${ctx.settings.publicBaseUrl}/${lot.traceKey}`,
      lotCode: lot.lotCode,
      quantity: fromMilli(h.quantityMilli),
      unit: lot.unit,
      expiryDate: lot.expiryDate,
      expired: s.status === "expired",
      nearExpiry: s.status === "near-expiry",
      daysLeft: s.daysLeft,
    };
  });
}
