import { fromMilli } from "../../../core/quantity.ts";
import type { Shipment } from "../../../core/shipments/shipment.ts";

export function presentShipment(s: Shipment, resolverBase: string, overdue?: boolean) {
  return {
    id: s.id,
    voucherCode: s.voucherCode,
    voucherUrl: `${resolverBase}/v/${s.voucherCode}`,
    shipperPartyId: s.shipperPartyId,
    receiver: s.receiver,
    status: s.status,
    shippedAt: new Date(s.shippedAt).toISOString(),
    ...(overdue === undefined ? {} : { overdue }),
    eventId: s.eventId,
    lines: s.lines.map((l) => ({
      lineNo: l.lineNo,
      lotId: l.lotId,
      ...(l.lotCode ? { lotCode: l.lotCode } : {}),
      ...(l.traceKey ? { traceCode: `${resolverBase}/${l.traceKey}` } : {}),
      quantity: fromMilli(l.quantityMilli),
      unit: l.unit,
      state: l.state,
      received: l.receivedMilli === null ? null : fromMilli(l.receivedMilli),
      shortage:
        l.state === "received" && l.receivedMilli !== null ? fromMilli(l.quantityMilli - l.receivedMilli) : null,
      reason: l.reason,
    })),
  };
}
