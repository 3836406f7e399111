import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import { isExpired } from "../../core/lots/expiry.ts";
import type { Lot } from "../../core/lots/lot.ts";
import { fromMilli } from "../../core/quantity.ts";
import { adjustHolding, findHolding, insertMovement } from "../../store/holding-store.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";

/**
 * Takes quantity out of a party's holding of a lot, or refuses with the reason: expired (过期阻断, unless the
 * goods are being destroyed or written off) or not enough stock (saying how much there is).
 */
export async function takeStock(
  tx: Db,
  ctx: ServiceContext,
  m: {
    lot: Lot;
    partyId: string;
    quantityMilli: number;
    kind: string;
    shipmentId: string | null;
    eventId: string;
    allowExpired?: boolean;
  },
  pointer: string,
): Promise<void> {
  const now = ctx.clock.now();
  if (!m.allowExpired && isExpired(m.lot.expiryDate, chinaDate(now))) {
    throw new AppError(
      "lot-expired",
      `lot ${m.lot.lotCode} expired on ${m.lot.expiryDate}: it may not be shipped, sold or used`,
      { pointer },
    );
  }
  const left = await adjustHolding(tx, m.lot.id, m.partyId, -m.quantityMilli, now);
  if (left === undefined) {
    const has = await findHolding(tx, m.lot.id, m.partyId);
    throw new AppError(
      "insufficient-stock",
      `only ${fromMilli(has)} ${m.lot.unit} of lot ${m.lot.lotCode} in stock, ${fromMilli(m.quantityMilli)} asked`,
      { pointer },
    );
  }
  await insertMovement(tx, {
    id: ctx.newId(),
    lotId: m.lot.id,
    partyId: m.partyId,
    kind: m.kind,
    deltaMilli: -m.quantityMilli,
    shipmentId: m.shipmentId,
    eventId: m.eventId,
    at: now,
  });
}

/** Puts quantity into a party's holding (coding, receiving, a rejected shipment returning). */
export async function putStock(
  tx: Db,
  ctx: ServiceContext,
  m: {
    lotId: string;
    partyId: string;
    quantityMilli: number;
    kind: string;
    shipmentId: string | null;
    eventId: string;
  },
): Promise<void> {
  const now = ctx.clock.now();
  await adjustHolding(tx, m.lotId, m.partyId, m.quantityMilli, now);
  await insertMovement(tx, {
    id: ctx.newId(),
    lotId: m.lotId,
    partyId: m.partyId,
    kind: m.kind,
    deltaMilli: m.quantityMilli,
    shipmentId: m.shipmentId,
    eventId: m.eventId,
    at: now,
  });
}
