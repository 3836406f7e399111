import type { Lot } from "../../core/lots/lot.ts";
import type { TraceDocumentRef, TraceLot, TraceParty } from "../../core/trace/trace-model.ts";
import { chunked } from "../../store/batch.ts";
import { findLotsByIds } from "../../store/lot-store.ts";
import type { Db } from "../../store/schema.ts";
import { documentsLinkedTo, documentsOfShipmentsOfLots, tracePartiesByIds } from "../../store/trace-store.ts";

/** The lots of a walk's frontier, read once each (a chunked `in` list per level). */
export async function loadLots(db: Db, ids: readonly string[], into: Map<string, Lot>): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !into.has(id));
  for (const part of chunked(missing, 1)) for (const [id, lot] of await findLotsByIds(db, part)) into.set(id, lot);
}

export function toTraceLot(l: Lot): TraceLot {
  return {
    id: l.id,
    productId: l.productId,
    producerPartyId: l.partyId,
    lotCode: l.lotCode,
    traceKey: l.traceKey,
    productionDate: l.productionDate,
    expiryDate: l.expiryDate,
    quantity: l.quantityMilli,
    unit: l.unit,
    originRegion: l.originRegion,
    originPlace: l.originPlace,
    entry: l.entry,
    entryDetails: l.entryDetails,
    createdAt: l.createdAt,
    revoked: l.revokedAt !== null,
  };
}

/**
 * The parties and the documents of the lots, parties and shipments a walk met. `shipmentsByLot`: the shipments
 * are all of the given lots' (a forward walk), so their documents are joined in the database from the lots rather
 * than asked for by id — then kept only for the shipments listed.
 */
export async function loadDetails(
  db: Db,
  a: {
    partyIds: Iterable<string>;
    lotIds: Iterable<string>;
    shipmentIds: Iterable<string>;
    partyDocuments: boolean;
    shipmentsByLot?: boolean;
  },
): Promise<{
  parties: TraceParty[];
  documents: TraceDocumentRef[];
}> {
  const partyIds = [...new Set(a.partyIds)];
  const lotIds = [...new Set(a.lotIds)];
  const shipmentIds = new Set(a.shipmentIds);
  const [parties, documents, shipmentDocuments] = await Promise.all([
    tracePartiesByIds(db, partyIds),
    documentsLinkedTo(db, {
      lot: lotIds,
      shipment: a.shipmentsByLot ? [] : [...shipmentIds],
      party: a.partyDocuments ? partyIds : [],
    }),
    a.shipmentsByLot ? documentsOfShipmentsOfLots(db, lotIds) : [],
  ]);
  parties.sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const d of shipmentDocuments) if (shipmentIds.has(d.target.id)) documents.push(d);
  return { parties, documents };
}
