import { AppError } from "../../core/errors.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { recordReceiving } from "../events/platform-events.ts";
import { putStocks } from "../holdings/take-stock.ts";
import { creditRecovery, lotRecalled, openRecallByLot } from "../recalls/recall-guard.ts";
import type { ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";
import { returnLines } from "./reject-shipment.ts";
import { type LineChoice, openVoucherForReceiver, settleChosenLines } from "./settle-lines.ts";

/**
 * Scan-to-receive (扫码入库): confirms all pending lines of a voucher, or the ones named; a lower quantity is a
 * shortage. Each line is received at most once (a conditional update), and received goods enter the buyer's stock.
 * Lines of a lot under recall are not received: they are sent back to the shipper (rejected with the reason
 * "recall <id>") and committed so, and the request is then refused naming the recall; the voucher's other lines
 * stay pending for the next scan.
 */
export async function receiveShipment(
  ctx: ServiceContext,
  input: { voucher: string; lines?: LineChoice[] },
): Promise<Shipment> {
  const outcome = await ctx.store.transaction((tx) => receiveOrRouteBack(tx, ctx, input));
  // Thrown after commit: the refused lines are on their way back, and the caller is told why.
  if (outcome.refused) {
    const e = outcome.refused;
    throw new AppError(e.code, `${e.message}; those lines were sent back to the shipper`, {
      ...(e.pointer ? { pointer: e.pointer } : {}),
      extra: { ...e.extra, returnedToShipper: true },
    });
  }
  return outcome.shipment as Shipment;
}

/**
 * Receiving inside the caller's transaction (an EPCIS receiving event captured: `capturedEventId` is its id). A lot
 * under recall is refused here outright — the capture fails whole, pointing at the event.
 */
export async function receiveShipmentIn(
  tx: Db,
  ctx: ServiceContext,
  input: { voucher: string; lines?: LineChoice[] },
  capturedEventId?: string,
): Promise<Shipment> {
  const outcome = await receiveOrRouteBack(tx, ctx, input, capturedEventId, false);
  if (outcome.refused) throw outcome.refused;
  return outcome.shipment as Shipment;
}

async function receiveOrRouteBack(
  tx: Db,
  ctx: ServiceContext,
  input: { voucher: string; lines?: LineChoice[] },
  capturedEventId?: string,
  routeBack = true,
): Promise<{ shipment?: Shipment; refused?: AppError }> {
  const opened = await openVoucherForReceiver(tx, ctx, input.voucher, input.lines);
  const { s, receiverId, chosen, receiver, shipper, lotOf, voucherUrl } = opened;

  // Goods going back to the lot's own maker are how a recall recovers stock: those are received.
  const recalled = await openRecallByLot(
    tx,
    chosen.filter((c) => lotOf(c.line.lotId).partyId !== receiverId).map((c) => c.line.lotId),
  );
  if (recalled.size > 0) {
    const refused = chosen.filter((c) => recalled.has(c.line.lotId));
    if (!routeBack) {
      const c = refused[0] as (typeof refused)[number];
      return { refused: lotRecalled(lotOf(c.line.lotId).lotCode, recalled.get(c.line.lotId) as string, "received") };
    }
    const recallIds = [...new Set(refused.map((c) => recalled.get(c.line.lotId) as string))];
    await returnLines(tx, ctx, opened, refused, `recall ${recallIds.join(", ")}`);
    for (const c of refused) {
      await creditRecovery(tx, {
        lotId: c.line.lotId,
        partyId: receiverId,
        kind: "returned",
        milli: c.line.quantityMilli,
      });
    }
    await recordAudit(
      tx,
      ctx,
      "shipment.refuse-recalled",
      { type: "shipment", id: s.id },
      { lines: refused.map((c) => c.line.lineNo), recallIds },
    );
    const first = refused[0] as (typeof refused)[number];
    return {
      refused: lotRecalled(lotOf(first.line.lotId).lotCode, recallIds[0] as string, "received", first.pointer),
    };
  }

  const eventId =
    capturedEventId ??
    (await recordReceiving(tx, ctx, {
      receiver,
      shipper,
      voucherUrl,
      lines: chosen.map((c) => ({ lot: lotOf(c.line.lotId), quantityMilli: c.quantityMilli })),
    }));
  const after = await settleChosenLines(tx, s, chosen, "received", null, ctx.clock.now());
  await putStocks(
    tx,
    ctx,
    chosen.map((c) => ({
      lotId: c.line.lotId,
      partyId: receiverId,
      quantityMilli: c.quantityMilli,
      kind: "received",
      shipmentId: s.id,
      eventId,
    })),
  );
  const shortages = chosen.filter((c) => c.quantityMilli < c.line.quantityMilli).map((c) => c.line.lineNo);
  await notifyParty(tx, ctx, s.shipperPartyId, "receipt.confirmed", {
    shipmentId: s.id,
    voucherCode: s.voucherCode,
    lines: chosen.map((c) => c.line.lineNo),
    shortages,
  });
  await recordAudit(
    tx,
    ctx,
    "shipment.receive",
    { type: "shipment", id: s.id },
    { lines: chosen.map((c) => c.line.lineNo), shortages },
  );
  return { shipment: after };
}
