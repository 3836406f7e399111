import type { Db, MovementsTable } from "./schema.ts";

export interface Holding {
  readonly lotId: string;
  readonly partyId: string;
  readonly quantityMilli: number;
}

/**
 * Changes a party's holding of a lot by `delta` and returns the new quantity, or undefined when taking would
 * leave less than nothing (nothing is written then). One conditional statement each way, so two concurrent
 * takers cannot both spend the same stock.
 */
export async function adjustHolding(
  db: Db,
  lotId: string,
  partyId: string,
  delta: number,
  at: number,
): Promise<number | undefined> {
  if (delta >= 0) {
    const row = await db
      .insertInto("holdings")
      .values({ lotId, partyId, quantityMilli: delta, updatedAt: at })
      .onConflict((oc) =>
        oc
          .columns(["lotId", "partyId"])
          .doUpdateSet((eb) => ({ quantityMilli: eb("holdings.quantityMilli", "+", delta), updatedAt: at })),
      )
      .returning("quantityMilli")
      .executeTakeFirstOrThrow();
    return Number(row.quantityMilli);
  }
  const row = await db
    .updateTable("holdings")
    .set((eb) => ({ quantityMilli: eb("quantityMilli", "+", delta), updatedAt: at }))
    .where("lotId", "=", lotId)
    .where("partyId", "=", partyId)
    .where("quantityMilli", ">=", -delta)
    .returning("quantityMilli")
    .executeTakeFirst();
  return row ? Number(row.quantityMilli) : undefined;
}

export async function findHolding(db: Db, lotId: string, partyId: string): Promise<number> {
  const row = await db
    .selectFrom("holdings")
    .select("quantityMilli")
    .where("lotId", "=", lotId)
    .where("partyId", "=", partyId)
    .executeTakeFirst();
  return row ? Number(row.quantityMilli) : 0;
}

export async function listHoldingsOfParty(
  db: Db,
  partyId: string,
  afterLotId: string | undefined,
  limit: number,
): Promise<Holding[]> {
  let q = db
    .selectFrom("holdings")
    .select(["lotId", "partyId", "quantityMilli"])
    .where("partyId", "=", partyId)
    .where("quantityMilli", ">", 0);
  if (afterLotId) q = q.where("lotId", ">", afterLotId);
  const rows = await q.orderBy("lotId").limit(limit).execute();
  return rows.map((r) => ({ ...r, quantityMilli: Number(r.quantityMilli) }));
}

export async function insertMovement(db: Db, m: MovementsTable): Promise<void> {
  await db.insertInto("movements").values(m).execute();
}
