import type { Lot } from "../core/lots/lot.ts";
import { chunked } from "./batch.ts";
import { commitRecords, type RecordSeal } from "./ledger-store.ts";
import { markLotsDirty } from "./public-lot-store.ts";
import type { Db, LotsTable } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

export async function insertLot(db: Db, lot: Lot): Promise<void> {
  await insertLots(db, [lot]);
}

export async function insertLots(db: Db, lots: readonly Lot[], seals?: ReadonlyMap<string, RecordSeal>): Promise<void> {
  const rows = lots.map(lotRow);
  for (const chunk of chunked(rows, 24))
    await executeShaped(db, "lots.insert", chunk, [], () => db.insertInto("lots").values(chunk));
  await commitRecords(db, "lot", rows, rows[0]?.createdAt ?? 0, seals ? { seals } : {});
}

/** The `lots` row of a new lot, as stored and as the ledger commits it ("lot"). */
export function lotRow({ entryDetails, ...row }: Lot) {
  return { ...row, revokeReason: null, entryJson: entryDetails ? JSON.stringify(entryDetails) : null };
}

export async function findLotById(db: Db, id: string): Promise<Lot | undefined> {
  const row = await db.selectFrom("lots").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

/** By trace key ("01/{gtin}/10/{lot}" or "t/{code}"): the resolver's and every scan's look-up. */
export async function findLotByTraceKey(db: Db, traceKey: string): Promise<Lot | undefined> {
  const row = await db.selectFrom("lots").selectAll().where("traceKey", "=", traceKey).executeTakeFirst();
  return row && fromRow(row);
}

/** Many look-ups by trace key in one query per chunk (a shipment's or a coding request's lines). */
export async function findLotsByTraceKeys(db: Db, keys: readonly string[]): Promise<Map<string, Lot>> {
  const out = new Map<string, Lot>();
  for (const chunk of chunked([...new Set(keys)], 1, 5_000)) {
    const rows = await db.selectFrom("lots").selectAll().where("traceKey", "in", chunk).execute();
    for (const r of rows) out.set(r.traceKey, fromRow(r));
  }
  return out;
}

export async function findLotsByIds(db: Db, ids: readonly string[]): Promise<Map<string, Lot>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("lots")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, fromRow(r)]));
}

export async function insertLotInputs(
  db: Db,
  rows: readonly { outputLotId: string; inputLotId: string; quantityMilli: number }[],
): Promise<void> {
  for (const chunk of chunked(rows, 3)) await db.insertInto("lotInputs").values(chunk).execute();
}

// Field by field rather than a rest spread: rows arrive in the hundreds per request (a shipment's lines), and a
// literal of known shape is several times cheaper for V8 to build than copying an object's remaining keys.
function fromRow(r: LotsTable): Lot {
  return Object.freeze({
    id: r.id,
    productId: r.productId,
    partyId: r.partyId,
    lotCode: r.lotCode,
    gtin: r.gtin,
    platformCode: r.platformCode,
    traceKey: r.traceKey,
    productionDate: r.productionDate,
    expiryDate: r.expiryDate,
    quantityMilli: Number(r.quantityMilli),
    unit: r.unit as Lot["unit"],
    originRegion: r.originRegion,
    originPlace: r.originPlace,
    location: r.location,
    entry: r.entry as Lot["entry"],
    entryDetails: r.entryJson ? JSON.parse(r.entryJson) : null,
    eventId: r.eventId,
    createdAt: Number(r.createdAt),
    revokedAt: r.revokedAt === null ? null : Number(r.revokedAt),
  });
}

/** Marks a lot's coding as revoked; the row stays (corrections never edit history). */
export async function markLotRevoked(db: Db, id: string, at: number, reason: string): Promise<boolean> {
  const res = await db
    .updateTable("lots")
    .set({ revokedAt: at, revokeReason: reason })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  const row = await db.selectFrom("lots").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  await commitRecords(db, "lot", [row], at, { supersede: true });
  await markLotsDirty(db, [id]);
  return true;
}

/** Whether anything happened to the lot after its coding: shipped, used as an input, or any stock movement. */
export async function lotHasMoved(db: Db, lotId: string): Promise<boolean> {
  const line = await db
    .selectFrom("shipmentLines")
    .select("lotId")
    .where("lotId", "=", lotId)
    .limit(1)
    .executeTakeFirst();
  const input = await db
    .selectFrom("lotInputs")
    .select("inputLotId")
    .where("inputLotId", "=", lotId)
    .limit(1)
    .executeTakeFirst();
  const moves = await db
    .selectFrom("movements")
    .select("id")
    .where("lotId", "=", lotId)
    .where("kind", "!=", "coded")
    .limit(1)
    .executeTakeFirst();
  return line !== undefined || input !== undefined || moves !== undefined;
}

/** The lots of a product produced in a date range (inclusive ISO dates), not revoked: a recall by product. */
export async function lotsOfProductProducedBetween(
  db: Db,
  productId: string,
  from: string,
  to: string,
  limit: number,
): Promise<Lot[]> {
  const rows = await db
    .selectFrom("lots")
    .selectAll()
    .where("productId", "=", productId)
    .where("productionDate", ">=", from)
    .where("productionDate", "<=", to)
    .where("revokedAt", "is", null)
    .orderBy("productionDate")
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
