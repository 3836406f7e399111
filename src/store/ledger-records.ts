import type { JsonValue } from "../core/ledger/record-commitment.ts";
import type { Database } from "./schema.ts";

/**
 * What the ledger commits to, per kind of record: a table, its key and an explicit list of columns. The committed
 * record is exactly those columns of the row as stored, so `suyuan audit` can recompute every commitment from the
 * database alone. The list is explicit (not "every column") so that a later migration adding a column does not
 * break old commitments; committing a new column means a new kind name (e.g. "party/v2").
 */
export const ledgerKinds = {
  "epcis-event": {
    table: "events",
    key: "eventId",
    columns: [
      "eventId",
      "eventType",
      "eventTime",
      "recordTime",
      "bizStep",
      "disposition",
      "partyId",
      "source",
      "eventJson",
    ],
  },
  lot: {
    table: "lots",
    key: "id",
    columns: [
      "id",
      "productId",
      "partyId",
      "lotCode",
      "gtin",
      "platformCode",
      "traceKey",
      "productionDate",
      "expiryDate",
      "quantityMilli",
      "unit",
      "originRegion",
      "originPlace",
      "location",
      "entry",
      "entryJson",
      "eventId",
      "createdAt",
      "revokedAt",
      "revokeReason",
    ],
  },
  party: {
    table: "parties",
    key: "id",
    columns: [
      "id",
      "name",
      "creditCode",
      "kind",
      "regionCode",
      "address",
      "contactJson",
      "licencesJson",
      "gln",
      "keyParty",
      "homePlatform",
      "partyCode",
      "createdAt",
      "updatedAt",
      "version",
    ],
  },
  product: {
    table: "products",
    key: "id",
    columns: [
      "id",
      "partyId",
      "name",
      "spec",
      "unit",
      "categoryCode",
      "shelfLifeDays",
      "gtin",
      "description",
      "createdAt",
      "updatedAt",
      "version",
    ],
  },
  document: {
    table: "documents",
    key: "id",
    columns: ["id", "kind", "title", "sha256", "issuedOn", "issuer", "fieldsJson", "public", "partyId", "createdAt"],
  },
  recall: {
    table: "recalls",
    key: "id",
    columns: [
      "id",
      "initiatorKind",
      "initiatorPartyId",
      "initiatorRegion",
      "producerPartyId",
      "level",
      "reason",
      "criteriaJson",
      "status",
      "openedAt",
      "openedBy",
      "closedAt",
      "closedBy",
      "closeNote",
      "eventId",
    ],
  },
  "recall-task": {
    table: "recallTasks",
    key: "id",
    columns: [
      "id",
      "recallId",
      "partyId",
      "lotId",
      "heldMilli",
      "inTransitMilli",
      "returnedMilli",
      "destroyedMilli",
      "acknowledgedAt",
      "stopSaleAt",
      "createdAt",
    ],
  },
  "sampling-record": {
    table: "samplingRecords",
    key: "id",
    columns: [
      "id",
      "sampleNo",
      "productName",
      "spec",
      "producerName",
      "producerCreditCode",
      "traceCode",
      "lotCode",
      "productionDate",
      "result",
      "failedItemsJson",
      "agency",
      "sampledOn",
      "regionCode",
      "importedAt",
      "importedBy",
    ],
  },
} as const satisfies Record<string, { table: keyof Database; key: string; columns: readonly string[] }>;

export type LedgerKind = keyof typeof ledgerKinds;

export const isLedgerKind = (k: string): k is LedgerKind => Object.hasOwn(ledgerKinds, k);

/** The committed form of a stored row: the kind's columns, absent values as null, numbers as numbers. */
export function ledgerRecord(kind: LedgerKind, row: Readonly<Record<string, unknown>>): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const c of ledgerKinds[kind].columns) {
    const v = row[c];
    out[c] = v === undefined || v === null ? null : typeof v === "bigint" ? Number(v) : (v as JsonValue);
  }
  return out;
}

export function ledgerRef(kind: LedgerKind, row: Readonly<Record<string, unknown>>): string {
  return String(row[ledgerKinds[kind].key]);
}
