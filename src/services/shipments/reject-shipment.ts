import { AppError } from "../../core/errors.ts";
import type { Shipment } from "../../core/shipments/shipment.ts";
import type { Db } from "../../store/schema.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { recordRejection } from "../events/platform-events.ts";
import { putStocks } from "../holdings/take-stock.ts";
import type { ServiceContext } from "../service-context.ts";
import { notifyParty } from "../webhooks/notify-party.ts";
import { type LineChoice, openVoucherForReceiver, settleChosenLines } from "./settle-lines.ts";

/** Rejection (拒收) of a voucher or of some lines, with a reason: the goods return to the shipper's stock. */
export async function rejectShipment(
  ctx: ServiceContext,
  input: { voucher: string; reason: string; lines?: LineChoice[] },
): Promise<Shipment> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("validation-failed", "say why the goods are rejected", { pointer: "/body/reason" });
  return ctx.store.transaction(async (tx) => {
    // A rejected line goes back whole: partial quantities are for receiving (with a shortage), not for rejection.
    const opened = await openVoucherForReceiver(
      tx,
      ctx,
      input.voucher,
      input.lines?.map(({ quantity: _q, ...rest }) => rest),
    );
    const after = await returnLines(tx, ctx, opened, opened.chosen, reason);
    await recordAudit(
      tx,
      ctx,
      "shipment.reject",
      { type: "shipment", id: opened.s.id },
      { lines: opened.chosen.map((c) => c.line.lineNo), reason },
    );
    return after;
  });
}

/**
 * Sends lines of a voucher back to the shipper inside the caller's transaction: the rejection event, each line
 * settled as rejected (at most once), the goods back in the shipper's stock, the voucher's status, the notice.
 * Rejection uses it, and so does a receipt refused because the lot is under recall. Returns the voucher as it
 * now stands.
 */
export async function returnLines(
  tx: Db,
  ctx: ServiceContext,
  opened: Awaited<ReturnType<typeof openVoucherForReceiver>>,
  chosen: Awaited<ReturnType<typeof openVoucherForReceiver>>["chosen"],
  reason: string,
): Promise<Shipment> {
  const { s, receiver, shipper, lotOf, voucherUrl } = opened;
  const eventId = await recordRejection(tx, ctx, {
    receiver,
    shipper,
    voucherUrl,
    reason,
    lines: chosen.map((c) => ({ lot: lotOf(c.line.lotId), quantityMilli: c.line.quantityMilli })),
  });
  const after = await settleChosenLines(tx, s, chosen, "rejected", reason, ctx.clock.now());
  await putStocks(
    tx,
    ctx,
    chosen.map((c) => ({
      lotId: c.line.lotId,
      partyId: s.shipperPartyId,
      quantityMilli: c.line.quantityMilli,
      kind: "returned",
      shipmentId: s.id,
      eventId,
    })),
  );
  await notifyParty(tx, ctx, s.shipperPartyId, "shipment.rejected", {
    shipmentId: s.id,
    voucherCode: s.voucherCode,
    reason,
    lines: chosen.map((c) => c.line.lineNo),
  });
  return after;
}
