import { AppError } from "../../core/errors.ts";
import { type Shipment, statusOf } from "../../core/shipments/shipment.ts";
import type { Db } from "../../store/schema.ts";
import { findShipmentById, setShipmentStatus, settleLine } from "../../store/shipment-store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { recordReceiving } from "../events/platform-events.ts";
import { putStock } from "../holdings/take-stock.ts";
import type { ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";
import { type LineChoice, openVoucherForReceiver } from "./settle-lines.ts";

/**
 * Scan-to-receive (扫码入库): confirms all pending lines of a voucher, or the ones named; a lower quantity is a
 * shortage. Each line is received at most once (a conditional update), and received goods enter the buyer's stock.
 */
export async function receiveShipment(
  ctx: ServiceContext,
  input: { voucher: string; lines?: LineChoice[] },
): Promise<Shipment> {
  return ctx.store.transaction((tx) => receiveShipmentIn(tx, ctx, input));
}

/** Receiving inside the caller's transaction; `capturedEventId`: the receipt was captured as an EPCIS event. */
export async function receiveShipmentIn(
  tx: Db,
  ctx: ServiceContext,
  input: { voucher: string; lines?: LineChoice[] },
  capturedEventId?: string,
): Promise<Shipment> {
  const { s, receiverId, chosen, receiver, shipper, lotOf, voucherUrl } = await openVoucherForReceiver(
    tx,
    ctx,
    input.voucher,
    input.lines,
  );
  const eventId =
    capturedEventId ??
    (await recordReceiving(tx, ctx, {
      receiver,
      shipper,
      voucherUrl,
      lines: chosen.map((c) => ({ lot: lotOf(c.line.lotId), quantityMilli: c.quantityMilli })),
    }));
  const now = ctx.clock.now();
  for (const c of chosen) {
    if (!(await settleLine(tx, s.id, c.line.lineNo, "received", c.quantityMilli, null, now))) {
      throw new AppError("already-settled", `line ${c.line.lineNo} was settled meanwhile`, { pointer: c.pointer });
    }
    await putStock(tx, ctx, {
      lotId: c.line.lotId,
      partyId: receiverId,
      quantityMilli: c.quantityMilli,
      kind: "received",
      shipmentId: s.id,
      eventId,
    });
  }
  const after = (await findShipmentById(tx, s.id)) as Shipment;
  await setShipmentStatus(tx, s.id, statusOf(after.lines));
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
  return (await findShipmentById(tx, s.id)) as Shipment;
}
