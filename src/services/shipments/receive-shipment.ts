import type { Shipment } from "../../core/shipments/shipment.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { recordReceiving } from "../events/platform-events.ts";
import { putStocks } from "../holdings/take-stock.ts";
import type { ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";
import { type LineChoice, openVoucherForReceiver, settleChosenLines } from "./settle-lines.ts";

/**
 * Scan-to-receive (扫码入库): confirms all pending lines of a voucher, or the ones named; a lower quantity is a
 * shortage. Each line is received at most once (a conditional update), and received goods enter the buyer's stock.
 */
export async function receiveShipment(
  ctx: ServiceContext,
  input: { voucher: string; lines?: LineChoice[] },
): Promise<Shipment> {
  return ctx.store.transaction(async (tx) => {
    const { s, receiverId, chosen, receiver, shipper, lotOf, voucherUrl } = await openVoucherForReceiver(
      tx,
      ctx,
      input.voucher,
      input.lines,
    );
    const eventId = await recordReceiving(tx, ctx, {
      receiver,
      shipper,
      voucherUrl,
      lines: chosen.map((c) => ({ lot: lotOf(c.line.lotId), quantityMilli: c.quantityMilli })),
    });
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
    return after;
  });
}
