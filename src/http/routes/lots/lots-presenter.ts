import type { Lot } from "../../../core/lots/lot.ts";
import { traceCodeUrl } from "../../../core/lots/lot.ts";
import { fromMilli } from "../../../core/quantity.ts";

/** A lot as the API shows it; quantities and the producing location only in the full view. */
export function presentLot(lot: Lot, view: "full" | "public", resolverBase: string) {
  const traceCode = traceCodeUrl(lot, resolverBase);
  const base = {
    id: lot.id,
    traceCode,
    productId: lot.productId,
    partyId: lot.partyId,
    lotCode: lot.lotCode,
    gtin: lot.gtin,
    platformCode: lot.platformCode,
    productionDate: lot.productionDate,
    expiryDate: lot.expiryDate,
    unit: lot.unit,
    originRegion: lot.originRegion,
    originPlace: lot.originPlace,
    entry: lot.entry,
    revoked: lot.revokedAt !== null,
    eventId: lot.eventId,
    links: {
      qr: `/v1/barcodes/qr?data=${encodeURIComponent(traceCode)}&format=svg`,
      label: `/v1/lots/${lot.id}/label`,
    },
    view,
  };
  if (view === "public") return base;
  return { ...base, quantity: fromMilli(lot.quantityMilli), location: lot.location, firstStation: lot.entryDetails };
}
