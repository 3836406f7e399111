import { sql } from "kysely";
import { chunked } from "./batch.ts";
import { markLotsDirty } from "./public-lot-store.ts";
import type { Db, MovementsTable } from "./schema.ts";
import { executeShaped } from "./shaped-query.ts";

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
  await insertMovements(db, [m]);
}

export async function insertMovements(db: Db, rows: readonly MovementsTable[]): Promise<void> {
  for (const chunk of chunked(rows, 8))
    await executeShaped(db, "movements.insert", chunk, [], () => db.insertInto("movements").values(chunk));
  // A movement changes the lot's chain of custody: its public record (if it has one) is rebuilt off this path.
  await markLotsDirty(
    db,
    rows.map((r) => r.lotId),
  );
}

export interface HoldingChange {
  readonly lotId: string;
  readonly partyId: string;
  /** Always positive: the quantity added or taken. */
  readonly quantityMilli: number;
}

/** Sums changes to the same holding, so that each holding is written once per statement. */
function merged(changes: readonly HoldingChange[]): HoldingChange[] {
  const byKey = new Map<string, HoldingChange>();
  for (const c of changes) {
    const key = `${c.lotId}\u0000${c.partyId}`;
    const had = byKey.get(key);
    byKey.set(key, had ? { ...c, quantityMilli: had.quantityMilli + c.quantityMilli } : c);
  }
  return [...byKey.values()];
}

/**
 * Adds to many holdings in one statement per chunk: a multi-row upsert (INSERT … ON CONFLICT DO UPDATE, the same
 * SQL on both engines). Changes to the same holding are summed first — PostgreSQL refuses to touch a row twice in
 * one upsert.
 */
export async function addToHoldings(db: Db, changes: readonly HoldingChange[], at: number): Promise<void> {
  for (const chunk of chunked(merged(changes), 4)) {
    const rows = chunk.map((c) => ({
      lotId: c.lotId,
      partyId: c.partyId,
      quantityMilli: c.quantityMilli,
      updatedAt: at,
    }));
    await executeShaped(db, "holdings.add", rows, [], () =>
      db
        .insertInto("holdings")
        .values(rows)
        .onConflict((oc) =>
          oc.columns(["lotId", "partyId"]).doUpdateSet((eb) => ({
            quantityMilli: eb("holdings.quantityMilli", "+", eb.ref("excluded.quantityMilli")),
            updatedAt: eb.ref("excluded.updatedAt"),
          })),
        ),
    );
  }
}

/**
 * Takes from many holdings of one party with one conditional UPDATE per chunk: a holding changes only if it holds
 * at least what is taken (`quantity >= taken`, evaluated per row under the row's write lock), so concurrent takers
 * cannot overspend. Returns the lots whose holding was too small — the caller must then abandon its transaction,
 * since the other holdings of the chunk were taken.
 */
export async function takeFromHoldings(
  db: Db,
  partyId: string,
  changes: readonly HoldingChange[],
  at: number,
): Promise<string[]> {
  const short: string[] = [];
  // A CASE over the chunk's lots is evaluated per updated row, so chunks stay small to keep it cheap.
  for (const chunk of chunked(merged(changes), 1, 200)) {
    const taken = sql<number>`case ${sql.ref("lotId")} ${sql.join(
      chunk.map((c) => sql`when ${c.lotId} then cast(${c.quantityMilli} as bigint)`),
      sql` `,
    )} end`;
    const updated = await db
      .updateTable("holdings")
      .set((eb) => ({ quantityMilli: eb("quantityMilli", "-", taken), updatedAt: at }))
      .where("partyId", "=", partyId)
      .where(
        "lotId",
        "in",
        chunk.map((c) => c.lotId),
      )
      .where("quantityMilli", ">=", taken)
      .returning("lotId")
      .execute();
    if (updated.length < chunk.length) {
      const done = new Set(updated.map((r) => r.lotId));
      short.push(...chunk.filter((c) => !done.has(c.lotId)).map((c) => c.lotId));
    }
  }
  return short;
}

/** Every party that holds or ever held the lot (a holdings row stays at zero): the lot's chain of custody. */
export async function holdersOfLot(db: Db, lotId: string): Promise<string[]> {
  const rows = await db.selectFrom("holdings").select("partyId").where("lotId", "=", lotId).execute();
  return rows.map((r) => r.partyId);
}

/** Every party that holds or held each lot (a holdings row stays at zero), by lot. */
export async function holdersOfLots(db: Db, lotIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunked([...new Set(lotIds)], 1, 1_000)) {
    const rows = await db.selectFrom("holdings").select(["lotId", "partyId"]).where("lotId", "in", part).execute();
    for (const r of rows) out.set(r.lotId, [...(out.get(r.lotId) ?? []), r.partyId]);
  }
  return out;
}

/** The products a party has in stock now (its goods on sale), most recently stocked first. */
export async function productIdsInStock(db: Db, partyId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("holdings")
    .innerJoin("lots", "lots.id", "holdings.lotId")
    .select("lots.productId")
    .where("holdings.partyId", "=", partyId)
    .where("holdings.quantityMilli", ">", 0)
    .groupBy("lots.productId")
    .orderBy(sql`max(holdings.updated_at)`, "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.productId);
}
