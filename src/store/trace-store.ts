import type { DocumentTarget } from "../core/documents/document.ts";
import type { MovementSum } from "../core/trace/holding-stats.ts";
import type { ShipmentHop, TraceDocumentRef, TraceParty } from "../core/trace/trace-model.ts";
import { chunked } from "./batch.ts";
import type { Db } from "./schema.ts";

/**
 * The set-based queries of the trace walks: each takes a whole frontier (chunked `in (...)` lists) and is served
 * by an index on its leading column (0003, 0009), so a walk costs one query per level per relation and grows with
 * the answer, never with the database.
 */

/** Runs `run` over the distinct items, in `in (…)` lists as long as both engines' parameter limits allow. */
async function perChunk<T, R>(items: readonly T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  if (items.length === 0) return [];
  const parts = chunked([...new Set(items)], 1);
  if (parts.length === 1) return run(parts[0] as T[]);
  const out: R[] = [];
  for (const part of parts) out.push(...(await run(part)));
  return out;
}

/**
 * Runs `run` over holdings in chunks, with the chunk's distinct lots and parties: `lot in (…) and party in (…)`
 * is served by the (lot, party) indexes, and the caller keeps only the pairs it asked for. The index is probed
 * for every lot × party of a chunk, so chunks stay at 500 holdings (a backward frontier is rarely more).
 */
async function perHoldingChunk<R>(
  holdings: readonly { readonly lotId: string; readonly partyId: string }[],
  run: (lotIds: string[], partyIds: string[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunked(holdings, 2, 1_000)) {
    const rows = await run([...new Set(part.map((h) => h.lotId))], [...new Set(part.map((h) => h.partyId))]);
    for (const r of rows) out.push(r);
  }
  return out;
}

type LineRow = {
  shipmentId: string;
  voucherCode: string;
  lineNo: number;
  lotId: string;
  shipperPartyId: string;
  receiverKind: string;
  receiverPartyId: string | null;
  receiverJson: string | null;
  shippedAt: number;
  settledAt: number | null;
  state: string;
  quantityMilli: number;
  receivedMilli: number | null;
  reason: string | null;
};

function hopOf(r: LineRow): ShipmentHop {
  const to: ShipmentHop["to"] =
    r.receiverKind === "party"
      ? { kind: "party", partyId: r.receiverPartyId as string }
      : r.receiverKind === "offplatform"
        ? { kind: "offplatform", name: String((JSON.parse(r.receiverJson ?? "{}") as { name?: string }).name ?? "") }
        : { kind: "consumers" };
  return {
    shipmentId: r.shipmentId,
    voucherCode: r.voucherCode,
    lineNo: Number(r.lineNo),
    lotId: r.lotId,
    fromPartyId: r.shipperPartyId,
    to,
    shippedAt: Number(r.shippedAt),
    settledAt: r.settledAt === null ? null : Number(r.settledAt),
    state: r.state,
    shipped: Number(r.quantityMilli),
    received: r.receivedMilli === null ? null : Number(r.receivedMilli),
    reason: r.reason,
  };
}

const lineColumns = [
  "shipmentLines.shipmentId",
  "shipments.voucherCode",
  "shipmentLines.lineNo",
  "shipmentLines.lotId",
  "shipments.shipperPartyId",
  "shipments.receiverKind",
  "shipments.receiverPartyId",
  "shipments.receiverJson",
  "shipments.shippedAt",
  "shipmentLines.settledAt",
  "shipmentLines.state",
  "shipmentLines.quantityMilli",
  "shipmentLines.receivedMilli",
  "shipmentLines.reason",
] as const;

/**
 * Every shipment line of the given lots (forward: where the lots went). Index: shipment_lines_lot, then the
 * shipments' primary key. (PostgreSQL's planner answers this join, for a lot on 10,000 lines at 1M events, with a
 * hash join over a scan of every shipment; splitting it into two queries cost SQLite half as much again.)
 */
export async function shipmentLinesOfLots(db: Db, lotIds: readonly string[]): Promise<ShipmentHop[]> {
  const rows = await perChunk(lotIds, (part) =>
    db
      .selectFrom("shipmentLines")
      .innerJoin("shipments", "shipments.id", "shipmentLines.shipmentId")
      .select(lineColumns)
      .where("shipmentLines.lotId", "in", part)
      .execute(),
  );
  return rows.map(hopOf);
}

/** The lines of one shipment (a trace voucher's own hops). */
export async function shipmentLinesOf(db: Db, shipmentId: string): Promise<ShipmentHop[]> {
  const rows = await db
    .selectFrom("shipmentLines")
    .innerJoin("shipments", "shipments.id", "shipmentLines.shipmentId")
    .select(lineColumns)
    .where("shipmentLines.shipmentId", "=", shipmentId)
    .execute();
  return rows.map(hopOf);
}

/**
 * The shipment lines by which the given holders received the given lots (backward: from whom), found from their
 * receipt movements. Index: movements_lot_party (0009), then primary keys — so a lot shipped to 10,000 holders
 * costs one holder's receipts, not the lot's 10,000 lines.
 */
export async function receiptsOf(
  db: Db,
  holdings: readonly { readonly lotId: string; readonly partyId: string }[],
): Promise<(ShipmentHop & { readonly lotMakerId: string })[]> {
  if (holdings.length === 0) return [];
  const wanted = new Set(holdings.map((h) => `${h.lotId}@${h.partyId}`));
  const rows = await perHoldingChunk(holdings, (lotIds, parties) =>
    db
      .selectFrom("movements")
      .innerJoin("shipments", "shipments.id", "movements.shipmentId")
      .innerJoin("shipmentLines", (j) =>
        j
          .onRef("shipmentLines.shipmentId", "=", "movements.shipmentId")
          .onRef("shipmentLines.lotId", "=", "movements.lotId"),
      )
      .innerJoin("lots", "lots.id", "movements.lotId")
      .select([...lineColumns, "movements.partyId as holderId", "lots.partyId as lotMakerId"])
      .where("movements.lotId", "in", lotIds)
      .where("movements.partyId", "in", parties)
      .where("movements.kind", "=", "received")
      .execute(),
  );
  const seen = new Set<string>();
  const out: (ShipmentHop & { lotMakerId: string })[] = [];
  for (const r of rows) {
    const k = `${r.shipmentId}#${r.lineNo}`;
    if (!wanted.has(`${r.lotId}@${r.holderId}`) || seen.has(k)) continue;
    seen.add(k);
    out.push({ ...hopOf(r), lotMakerId: r.lotMakerId });
  }
  return out;
}

export interface LotInputRow {
  readonly inputLotId: string;
  readonly outputLotId: string;
  readonly quantityMilli: number;
  /** The party that made the output lot (and consumed the input). */
  readonly partyId: string;
}

/**
 * The inputs of lots at the holdings where they were made (backward): for each (lot, party) of the frontier whose
 * party made the lot. One query joining the output lot for its maker, instead of reading the lots first.
 */
export async function inputsAtMakers(
  db: Db,
  holdings: readonly { readonly lotId: string; readonly partyId: string }[],
): Promise<LotInputRow[]> {
  if (holdings.length === 0) return [];
  const wanted = new Set(holdings.map((h) => `${h.lotId}@${h.partyId}`));
  const rows = await perHoldingChunk(holdings, (lotIds, parties) =>
    db
      .selectFrom("lotInputs")
      .innerJoin("lots", "lots.id", "lotInputs.outputLotId")
      .select(["lotInputs.inputLotId", "lotInputs.outputLotId", "lotInputs.quantityMilli", "lots.partyId"])
      .where("lotInputs.outputLotId", "in", lotIds)
      .where("lots.partyId", "in", parties)
      .execute(),
  );
  return rows
    .filter((r) => wanted.has(`${r.outputLotId}@${r.partyId}`))
    .map((r) => ({ ...r, quantityMilli: Number(r.quantityMilli) }));
}

/** The lots made from the given lots (forward). Index: lot_inputs_input. */
export async function outputsOfLots(db: Db, inputLotIds: readonly string[]): Promise<LotInputRow[]> {
  return (
    await perChunk(inputLotIds, (part) =>
      db
        .selectFrom("lotInputs")
        .innerJoin("lots", "lots.id", "lotInputs.outputLotId")
        .select(["lotInputs.inputLotId", "lotInputs.outputLotId", "lotInputs.quantityMilli", "lots.partyId"])
        .where("lotInputs.inputLotId", "in", part)
        .execute(),
    )
  ).map((r) => ({ ...r, quantityMilli: Number(r.quantityMilli) }));
}

/** Movements of the given lots summed per holder and kind (forward: what each holder did). Index: movements_lot. */
export async function movementSumsOfLots(db: Db, lotIds: readonly string[]): Promise<MovementSum[]> {
  return (
    await perChunk(lotIds, (part) =>
      db
        .selectFrom("movements")
        .select(["lotId", "partyId", "kind", (eb) => eb.fn.sum<number | string>("deltaMilli").as("deltaMilli")])
        .where("lotId", "in", part)
        .groupBy(["lotId", "partyId", "kind"])
        .execute(),
    )
  ).map((r) => ({ ...r, deltaMilli: Number(r.deltaMilli) }));
}

/** Current holdings of the given lots (only what is still there). Index: holdings primary key. */
export async function holdingsOfLots(
  db: Db,
  lotIds: readonly string[],
): Promise<{ lotId: string; partyId: string; quantityMilli: number }[]> {
  return (
    await perChunk(lotIds, (part) =>
      db
        .selectFrom("holdings")
        .select(["lotId", "partyId", "quantityMilli"])
        .where("lotId", "in", part)
        .where("quantityMilli", ">", 0)
        .execute(),
    )
  ).map((r) => ({ ...r, quantityMilli: Number(r.quantityMilli) }));
}

/** Whether the party holds or ever held the lot (a holdings row stays at zero). */
export async function holdingExists(db: Db, lotId: string, partyId: string): Promise<boolean> {
  const row = await db
    .selectFrom("holdings")
    .select("lotId")
    .where("lotId", "=", lotId)
    .where("partyId", "=", partyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The parties of a trace, as anyone may see them (name, kind, region, credit code: the public e-archive). */
export async function tracePartiesByIds(db: Db, ids: readonly string[]): Promise<TraceParty[]> {
  return perChunk(ids, (part) =>
    db
      .selectFrom("parties")
      .select(["id", "name", "kind", "regionCode", "creditCode"])
      .where("id", "in", part)
      .execute(),
  );
}

/**
 * The documents linked to the given lots, parties and shipments: one query (per chunk) over the links' primary
 * key (target type, target id).
 */
export async function documentsLinkedTo(
  db: Db,
  targets: Readonly<Record<DocumentTarget, readonly string[]>>,
): Promise<TraceDocumentRef[]> {
  const all = (["lot", "party", "shipment"] as const).flatMap((type) =>
    [...new Set(targets[type])].map((id) => ({ type, id })),
  );
  const out: TraceDocumentRef[] = [];
  for (const part of chunked(all, 1)) {
    const byType = (type: DocumentTarget) => part.filter((t) => t.type === type).map((t) => t.id);
    const rows = await documentRows(db)
      .where((eb) =>
        eb.or(
          (["lot", "party", "shipment"] as const)
            .filter((type) => byType(type).length > 0)
            .map((type) =>
              eb.and([eb("documentLinks.targetType", "=", type), eb("documentLinks.targetId", "in", byType(type))]),
            ),
        ),
      )
      .execute();
    for (const r of rows) out.push(documentRef(r));
  }
  return out;
}

/**
 * The documents linked to the shipments that carried the given lots, found from their lines in the database
 * (index shipment_lines_lot, then the links' primary key) instead of sending the shipments' ids: a lot shipped to
 * 10,000 holders has 10,000 of them, and few documents.
 */
export async function documentsOfShipmentsOfLots(db: Db, lotIds: readonly string[]): Promise<TraceDocumentRef[]> {
  const rows = await perChunk(lotIds, (part) =>
    documentRows(db)
      .where("documentLinks.targetType", "=", "shipment")
      // An `in (subquery)`, not a join: the plan probes the links' key per shipment on both engines, where a join
      // let SQLite start from every shipment link in the database.
      .where("documentLinks.targetId", "in", (eb) =>
        eb.selectFrom("shipmentLines").select("shipmentLines.shipmentId").where("shipmentLines.lotId", "in", part),
      )
      .execute(),
  );
  return rows.map(documentRef);
}

function documentRows(db: Db) {
  return db
    .selectFrom("documentLinks")
    .innerJoin("documents", "documents.id", "documentLinks.documentId")
    .select([
      "documents.id",
      "documents.kind",
      "documents.title",
      "documents.issuedOn",
      "documents.issuer",
      "documents.public",
      "documents.partyId",
      "documentLinks.targetType",
      "documentLinks.targetId",
    ]);
}

function documentRef(r: {
  id: string;
  kind: string;
  title: string;
  issuedOn: string | null;
  issuer: string | null;
  public: number;
  partyId: string;
  targetType: string;
  targetId: string;
}): TraceDocumentRef {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    issuedOn: r.issuedOn,
    issuer: r.issuer,
    public: Number(r.public) === 1,
    ownerPartyId: r.partyId,
    target: { type: r.targetType as DocumentTarget, id: r.targetId },
  };
}

/**
 * Lines of the given lots still in transit to a party (a recall's scope: buyers whose receipt it will refuse).
 * Index: shipment_lines_lot; only the pending lines leave the database.
 */
export async function pendingLinesOfLots(
  db: Db,
  lotIds: readonly string[],
): Promise<{ lotId: string; partyId: string; inTransitMilli: number }[]> {
  return (
    await perChunk(lotIds, (part) =>
      db
        .selectFrom("shipmentLines")
        .innerJoin("shipments", "shipments.id", "shipmentLines.shipmentId")
        .select(["shipmentLines.lotId", "shipments.receiverPartyId", "shipmentLines.quantityMilli"])
        .where("shipmentLines.lotId", "in", part)
        .where("shipmentLines.state", "=", "pending")
        .where("shipments.receiverKind", "=", "party")
        .execute(),
    )
  ).map((r) => ({ lotId: r.lotId, partyId: r.receiverPartyId as string, inTransitMilli: Number(r.quantityMilli) }));
}
