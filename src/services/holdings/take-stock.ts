import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import { isExpired } from "../../core/lots/expiry.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { fromMilli } from "../../core/quantity.ts";
import { addToHoldings, findHolding, insertMovements, takeFromHoldings } from "../../store/holding-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

export interface StockTake {
  readonly lot: Lot;
  readonly partyId: string;
  readonly quantityMilli: number;
  /** The movement's kind: shipped, consumed, sold, used, lost, destroyed … */
  readonly kind: string;
  readonly shipmentId: string | null;
  readonly eventId: string;
  /** Destroying or writing off expired goods is allowed; shipping, selling or using them is not (过期阻断). */
  readonly allowExpired?: boolean;
  /** Where the request names this quantity, for the error. */
  readonly pointer: string;
}

export interface StockPut {
  readonly lotId: string;
  readonly partyId: string;
  readonly quantityMilli: number;
  /** coded, received, returned … */
  readonly kind: string;
  readonly shipmentId: string | null;
  readonly eventId: string;
}

/**
 * Takes quantities out of parties' holdings, or refuses with the reason of the first line that cannot be taken:
 * expired (过期阻断) or not enough stock (saying how much there is). Set-based — one conditional UPDATE per party
 * and chunk, one multi-row insert of the movements — because an ERP ships hundreds of lines per request.
 */
export async function takeStocks(tx: Db, ctx: ServiceContext, takes: readonly StockTake[]): Promise<void> {
  if (takes.length === 0) return;
  const now = ctx.clock.now();
  const today = chinaDate(now);
  for (const t of takes) {
    if (!t.allowExpired && isExpired(t.lot.expiryDate, today)) {
      throw new AppError(
        "lot-expired",
        `lot ${t.lot.lotCode} expired on ${t.lot.expiryDate}: it may not be shipped, sold or used`,
        { pointer: t.pointer },
      );
    }
  }
  const byParty = new Map<string, StockTake[]>();
  for (const t of takes) byParty.set(t.partyId, [...(byParty.get(t.partyId) ?? []), t]);
  for (const [partyId, ofParty] of byParty) {
    const short = await takeFromHoldings(
      tx,
      partyId,
      ofParty.map((t) => ({ lotId: t.lot.id, partyId, quantityMilli: t.quantityMilli })),
      now,
    );
    if (short.length > 0) {
      const first = ofParty.find((t) => t.lot.id === short[0]) as StockTake;
      const asked = ofParty.filter((t) => t.lot.id === first.lot.id).reduce((n, t) => n + t.quantityMilli, 0);
      const has = await findHolding(tx, first.lot.id, partyId);
      throw new AppError(
        "insufficient-stock",
        `only ${fromMilli(has)} ${first.lot.unit} of lot ${first.lot.lotCode} in stock, ${fromMilli(asked)} asked`,
        { pointer: first.pointer },
      );
    }
  }
  await insertMovements(
    tx,
    takes.map((t) => ({
      id: ctx.newId(),
      lotId: t.lot.id,
      partyId: t.partyId,
      kind: t.kind,
      deltaMilli: -t.quantityMilli,
      shipmentId: t.shipmentId,
      eventId: t.eventId,
      at: now,
    })),
  );
}

/** Puts quantities into parties' holdings (coding, receiving, a rejected shipment returning), set-based. */
export async function putStocks(tx: Db, ctx: ServiceContext, puts: readonly StockPut[]): Promise<void> {
  if (puts.length === 0) return;
  const now = ctx.clock.now();
  await addToHoldings(tx, puts, now);
  await insertMovements(
    tx,
    puts.map((p) => ({
      id: ctx.newId(),
      lotId: p.lotId,
      partyId: p.partyId,
      kind: p.kind,
      deltaMilli: p.quantityMilli,
      shipmentId: p.shipmentId,
      eventId: p.eventId,
      at: now,
    })),
  );
}

export async function takeStock(
  tx: Db,
  ctx: ServiceContext,
  m: Omit<StockTake, "pointer">,
  pointer: string,
): Promise<void> {
  await takeStocks(tx, ctx, [{ ...m, pointer }]);
}

export async function putStock(tx: Db, ctx: ServiceContext, m: StockPut): Promise<void> {
  await putStocks(tx, ctx, [m]);
}
