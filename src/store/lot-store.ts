import type { Lot } from "../core/lots/lot.ts";
import type { Db, LotsTable } from "./schema.ts";

export async function insertLot(db: Db, lot: Lot): Promise<void> {
  const { entryDetails, ...row } = lot;
  await db
    .insertInto("lots")
    .values({ ...row, entryJson: entryDetails ? JSON.stringify(entryDetails) : null })
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

function fromRow({ entryJson, ...r }: LotsTable): Lot {
  return Object.freeze({
    ...r,
    entryDetails: entryJson ? JSON.parse(entryJson) : null,
    unit: r.unit as Lot["unit"],
    entry: r.entry as Lot["entry"],
    quantityMilli: Number(r.quantityMilli),
    createdAt: Number(r.createdAt),
  });
}
