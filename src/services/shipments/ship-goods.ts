import { AppError } from "../../core/errors.ts";
import type { Lot } from "../../core/lots/lot.ts";
import type { Party } from "../../core/parties/party.ts";
import { toMilli } from "../../core/quantity.ts";
import type { Receiver, Shipment, ShipmentLine } from "../../core/shipments/shipment.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import { findShipmentById, insertShipment } from "../../store/shipment-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import { reserveTraceNumbers } from "../codes/issue-trace-numbers.ts";
import { recordShipping } from "../events/platform-events.ts";
import { takeStocks } from "../holdings/take-stock.ts";
import { resolveTraceCodes } from "../lots/resolve-trace-code.ts";
import { creditRecovery, lotRecalled, openRecallByLot } from "../recalls/recall-guard.ts";
import type { ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";

export interface ShipInput {
  partyId?: string;
  receiver: { partyId: string } | { name: string; creditCode?: string; province?: string } | { consumers: true };
  lines: { traceCode: string; quantity: number; unit?: string }[];
}

/**
 * Shipping (出库): takes the goods out of the shipper's stock and creates the trace voucher (电子追溯单) the buyer
 * scans to receive. A party ships only what it holds, in the lot's unit, and never an expired lot (过期阻断).
 * Goods for an off-platform buyer or for consumers leave the platform here (settled at once).
 */
export async function shipGoods(
  ctx: ServiceContext,
  input: ShipInput,
): Promise<{ shipment: Shipment; voucherUrl: string }> {
  const shipperId = actingPartyId(ctx, input.partyId);
  if (input.lines.length === 0)
    throw new AppError("validation-failed", "a shipment has at least one line", { pointer: "/body/lines" });
  return ctx.store.transaction(async (tx) => {
    const shipper = await findPartyById(tx, shipperId);
    if (!shipper) throw new AppError("not-found", `no party with id ${shipperId}`, { pointer: "/body/partyId" });
    return shipFrom(tx, ctx, shipper, input, "/body");
  });
}

/**
 * Shipping inside the caller's transaction, the shipping captured as an EPCIS event: the event is stored already
 * and is the shipment's event (`capturedEventId`), so no platform event is built for it.
 */
export async function shipGoodsIn(
  tx: Db,
  ctx: ServiceContext,
  shipperId: string,
  input: ShipInput,
  capturedEventId?: string,
): Promise<{ shipment: Shipment; voucherUrl: string }> {
  const shipper = await findPartyById(tx, shipperId);
  if (!shipper) throw new AppError("not-found", `no party with id ${shipperId}`, { pointer: "/body/partyId" });
  return shipFrom(tx, ctx, shipper, input, "/body", capturedEventId);
}

/**
 * The body of shipping, inside the caller's transaction (the shipper is known). `base` is the JSON pointer of the
 * input; errors point below it (`${base}/lines/0/quantity`) — a request body, an import row, a captured event.
 */
export async function shipFrom(
  tx: Db,
  ctx: ServiceContext,
  shipper: Party,
  input: Omit<ShipInput, "partyId">,
  base: string,
  capturedEventId?: string,
): Promise<{ shipment: Shipment; voucherUrl: string }> {
  const shipperId = shipper.id;
  if (input.lines.length === 0)
    throw new AppError("validation-failed", "a shipment has at least one line", { pointer: `${base}/lines` });
  const receiver = toReceiver(input.receiver);
  const receiverParty = receiver.kind === "party" ? await findPartyById(tx, receiver.partyId) : undefined;
  if (receiver.kind === "party" && !receiverParty)
    throw new AppError("not-found", "no such receiving party", { pointer: `${base}/receiver/partyId` });
  if (receiver.kind === "party" && receiver.partyId === shipperId) {
    throw new AppError("validation-failed", "a party does not ship to itself", { pointer: `${base}/receiver/partyId` });
  }

  const lots = await resolveTraceCodes(
    tx,
    ctx,
    input.lines.map((l, i) => ({ text: l.traceCode, pointer: `${base}/lines/${i}/traceCode` })),
  );
  const lines: { lot: Lot; quantityMilli: number }[] = input.lines.map((l, i) => {
    const lot = lots[i] as Lot;
    if (l.unit !== undefined && l.unit !== lot.unit) {
      throw new AppError("unit-mismatch", `lot ${lot.lotCode} is counted in ${lot.unit}, not ${l.unit}`, {
        pointer: `${base}/lines/${i}/unit`,
      });
    }
    const q = toMilli(l.quantity);
    if (q === undefined)
      throw new AppError("validation-failed", "quantity must be positive with at most 3 decimals", {
        pointer: `${base}/lines/${i}/quantity`,
      });
    return { lot, quantityMilli: q };
  });

  // A lot under recall moves only back to the party that made it (召回: returned to the producer).
  const recalled = await openRecallByLot(
    tx,
    lines.map((l) => l.lot.id),
  );
  const returns = lines.filter((l) => recalled.has(l.lot.id));
  for (const [i, l] of lines.entries()) {
    const recallId = recalled.get(l.lot.id);
    if (recallId && !(receiver.kind === "party" && receiver.partyId === l.lot.partyId))
      throw lotRecalled(
        l.lot.lotCode,
        recallId,
        "shipped (except back to its producer)",
        `${base}/lines/${i}/traceCode`,
      );
  }

  const voucher = await reserveTraceNumbers(tx, ctx, shipper.regionCode, shipperId, 1, "voucher");
  const voucherCode = voucher.codes[0] as string;
  const voucherUrl = voucher.urls[0] as string;
  const eventId =
    capturedEventId ?? (await recordShipping(tx, ctx, { shipper, receiver, receiverParty, voucherUrl, lines }));
  const id = ctx.newId();
  await takeStocks(
    tx,
    ctx,
    lines.map((l, i) => ({
      lot: l.lot,
      partyId: shipperId,
      quantityMilli: l.quantityMilli,
      kind: "shipped",
      shipmentId: id,
      eventId,
      pointer: `${base}/lines/${i}/quantity`,
    })),
  );
  for (const l of returns)
    await creditRecovery(tx, { lotId: l.lot.id, partyId: shipperId, kind: "returned", milli: l.quantityMilli });
  const now = ctx.clock.now();
  const onPlatform = receiver.kind === "party";
  const shipmentLines: ShipmentLine[] = lines.map((l, i) => ({
    lineNo: i + 1,
    lotId: l.lot.id,
    quantityMilli: l.quantityMilli,
    unit: l.lot.unit,
    state: onPlatform ? "pending" : "received",
    receivedMilli: onPlatform ? null : l.quantityMilli,
    reason: null,
    settledAt: onPlatform ? null : now,
  }));
  const shipment: Shipment = Object.freeze({
    id,
    voucherCode,
    shipperPartyId: shipperId,
    receiver,
    status: onPlatform ? "in_transit" : "settled",
    shippedAt: now,
    eventId,
    lines: shipmentLines,
  });
  await insertShipment(tx, shipment);
  if (receiver.kind === "party") {
    await notifyParty(tx, ctx, receiver.partyId, "receipt.pending", {
      shipmentId: id,
      voucherCode,
      voucherUrl,
      shipperPartyId: shipperId,
      lines: lines.length,
    });
  }
  await recordAudit(
    tx,
    ctx,
    "shipment.ship",
    { type: "shipment", id },
    { voucherCode, receiver: receiver.kind, lines: lines.length },
  );
  // Read back so the answer shows each line's trace code as the voucher prints it.
  return { shipment: (await findShipmentById(tx, id)) as Shipment, voucherUrl };
}

function toReceiver(r: ShipInput["receiver"]): Receiver {
  if ("partyId" in r) return { kind: "party", partyId: r.partyId };
  if ("consumers" in r) return { kind: "consumers" };
  return {
    kind: "offplatform",
    name: r.name.trim(),
    creditCode: r.creditCode?.trim() || null,
    province: r.province?.trim() || null,
  };
}
