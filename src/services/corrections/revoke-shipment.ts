import { isOperator } from "../../core/auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import { findShipmentById, markShipmentRevoked } from "../../store/shipment-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { putStock } from "../holdings/take-stock.ts";
import type { ServiceContext } from "../service-context.ts";
import { declareEventError } from "./declare-event-error.ts";

/**
 * Revokes a mistaken shipment (wrong buyer, wrong quantity): the goods return to the shipper's stock, the voucher
 * leaves the buyer's inbox, and the shipping event is declared erroneous. Once the buyer has received or rejected
 * any line it is refused: the buyer's confirmation is part of the record (the buyer rejects or ships back instead).
 */
export async function revokeShipment(ctx: ServiceContext, id: string, reason: string): Promise<Shipment> {
  const why = reason.trim();
  if (!why) throw new AppError("validation-failed", "say why the shipment is revoked", { pointer: "/body/reason" });
  return ctx.store.transaction(async (tx) => {
    const s = await findShipmentById(tx, id);
    if (!s) throw new AppError("not-found", `no shipment with id ${id}`, { pointer: "/params/id" });
    const a = ctx.actor;
    if (!(isOperator(a) || (a.kind === "enterprise" && a.partyId === s.shipperPartyId))) {
      throw new AppError("forbidden", "only the shipper revokes its shipment", { pointer: "/params/id" });
    }
    if (s.status === "revoked") throw new AppError("cannot-revoke", "this shipment is already revoked");
    if (s.receiver.kind === "party" && s.lines.some((l) => l.state !== "pending")) {
      throw new AppError(
        "cannot-revoke",
        "the buyer has already received or rejected goods of this voucher; ask the buyer to reject or ship them back",
        {
          pointer: "/params/id",
        },
      );
    }
    await declareEventError(tx, ctx, s.eventId, why);
    const at = ctx.clock.now();
    for (const l of s.lines) {
      await putStock(tx, ctx, {
        lotId: l.lotId,
        partyId: s.shipperPartyId,
        quantityMilli: l.quantityMilli,
        kind: "shipment-revoked",
        shipmentId: s.id,
        eventId: s.eventId,
      });
    }
    await markShipmentRevoked(tx, s.id, at, why);
    await recordAudit(
      tx,
      ctx,
      "shipment.revoke",
      { type: "shipment", id: s.id },
      { reason: why, supersedesEvent: s.eventId },
    );
    return (await findShipmentById(tx, s.id)) as Shipment;
  });
}
