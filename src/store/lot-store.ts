import type { Lot } from "../core/lots/lot.ts";
import type { Db, LotsTable } from "./schema.ts";

export async function insertLot(db: Db, lot: Lot): Promise<void> {
  const { entryDetails, revokedAt, ...row } = lot;
  await db
    .insertInto("lots")
    .values({ ...row, revokedAt, revokeReason: null, entryJson: entryDetails ? JSON.stringify(entryDetails) : null })
    .execute();
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
  outputLotId: string,
  inputs: readonly { lotId: string; quantityMilli: number }[],
): Promise<void> {
  if (inputs.length === 0) return;
  await db
    .insertInto("lotInputs")
    .values(inputs.map((i) => ({ outputLotId, inputLotId: i.lotId, quantityMilli: i.quantityMilli })))
    .execute();
}

function fromRow({ entryJson, revokeReason: _r, ...r }: LotsTable): Lot {
  return Object.freeze({
    ...r,
    revokedAt: r.revokedAt === null ? null : Number(r.revokedAt),
    entryDetails: entryJson ? JSON.parse(entryJson) : null,
    unit: r.unit as Lot["unit"],
    entry: r.entry as Lot["entry"],
    quantityMilli: Number(r.quantityMilli),
    createdAt: Number(r.createdAt),
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
  return Number(res.numUpdatedRows) === 1;
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
