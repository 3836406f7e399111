import type { Unit } from "../units.ts";

/** Who receives a shipment: a party on the platform, a buyer outside it, or consumers (end of chain). */
export type Receiver =
  | { readonly kind: "party"; readonly partyId: string }
  | {
      readonly kind: "offplatform";
      readonly name: string;
      readonly creditCode: string | null;
      readonly province: string | null;
    }
  | { readonly kind: "consumers" };

export type ShipmentStatus = "in_transit" | "received" | "partially_received" | "rejected" | "settled" | "revoked";
export type LineState = "pending" | "received" | "rejected" | "revoked";

export interface ShipmentLine {
  readonly lineNo: number;
  readonly lotId: string;
  /** The lot's trace key and code as printed on the voucher (read back with the line; not stored twice). */
  readonly traceKey?: string;
  readonly lotCode?: string;
  readonly quantityMilli: number;
  readonly unit: Unit;
  readonly state: LineState;
  readonly receivedMilli: number | null;
  readonly reason: string | null;
  readonly settledAt: number | null;
}

/** A shipment and its electronic trace voucher (电子追溯单), scanned by the buyer to receive. */
export interface Shipment {
  readonly id: string;
  readonly voucherCode: string;
  readonly shipperPartyId: string;
  readonly receiver: Receiver;
  readonly status: ShipmentStatus;
  readonly shippedAt: number;
  readonly eventId: string;
  readonly lines: readonly ShipmentLine[];
}

/** Overall status from the lines (a voucher is settled when no line is pending). */
export function statusOf(
  lines: readonly Pick<ShipmentLine, "state" | "receivedMilli" | "quantityMilli">[],
): ShipmentStatus {
  if (lines.some((l) => l.state === "pending")) return "in_transit";
  if (lines.every((l) => l.state === "rejected")) return "rejected";
  const full = lines.every((l) => l.state === "received" && l.receivedMilli === l.quantityMilli);
  return full ? "received" : "partially_received";
}
