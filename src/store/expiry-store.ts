import { chunked } from "./batch.ts";
import type { Db, ExpiryNoticesTable } from "./schema.ts";

export interface ExpiringHolding {
  readonly lotId: string;
  readonly partyId: string;
  readonly quantityMilli: number;
  readonly lotCode: string;
  readonly traceKey: string;
  readonly unit: string;
  readonly productionDate: string;
  readonly expiryDate: string;
  readonly categoryCode: string;
  readonly parentCategoryCode: string | null;
}

export type ExpiryNotice = Readonly<ExpiryNoticesTable>;

/**
 * Stock held (quantity > 0) of lots expiring in [from, to] (ISO dates), not revoked: the expiry job's input.
 * Index: lots_expiry (0012) for the range, then the holdings primary key (lot, party) — the job reads the lots
 * expiring soon, never the whole stock.
 */
export async function holdingsExpiringBetween(db: Db, from: string, to: string): Promise<ExpiringHolding[]> {
  const rows = await db
    .selectFrom("lots")
    .innerJoin("holdings", "holdings.lotId", "lots.id")
    .innerJoin("products", "products.id", "lots.productId")
    .leftJoin("catalogue", "catalogue.code", "products.categoryCode")
    .select([
      "lots.id as lotId",
      "holdings.partyId",
      "holdings.quantityMilli",
      "lots.lotCode",
      "lots.traceKey",
      "lots.unit",
      "lots.productionDate",
      "lots.expiryDate",
      "products.categoryCode",
      "catalogue.parentCode as parentCategoryCode",
    ])
    .where("lots.expiryDate", ">=", from)
    .where("lots.expiryDate", "<=", to)
    .where("lots.revokedAt", "is", null)
    .where("holdings.quantityMilli", ">", 0)
    .orderBy("holdings.partyId")
    .orderBy("lots.id")
    .execute();
  return rows.map((r) => ({ ...r, quantityMilli: Number(r.quantityMilli), expiryDate: r.expiryDate as string }));
}

/** Writes notices not yet given (unique per party, lot and rule); returns the ones that are new. */
export async function insertExpiryNotices(db: Db, notices: readonly ExpiryNotice[]): Promise<ExpiryNotice[]> {
  const fresh = new Set<string>();
  for (const chunk of chunked(notices, 8)) {
    const rows = await db
      .insertInto("expiryNotices")
      .values([...chunk])
      .onConflict((oc) => oc.columns(["partyId", "lotId", "rule"]).doNothing())
      .returning("id")
      .execute();
    for (const r of rows) fresh.add(r.id);
  }
  return notices.filter((n) => fresh.has(n.id));
}

/** A party's notices, newest first (keyset on the time-ordered id). */
export async function listExpiryNotices(
  db: Db,
  partyId: string,
  beforeId: string | undefined,
  limit: number,
): Promise<(ExpiryNotice & { lotCode: string; traceKey: string; unit: string })[]> {
  let q = db
    .selectFrom("expiryNotices")
    .innerJoin("lots", "lots.id", "expiryNotices.lotId")
    .selectAll("expiryNotices")
    .select(["lots.lotCode", "lots.traceKey", "lots.unit"])
    .where("expiryNotices.partyId", "=", partyId);
  if (beforeId) q = q.where("expiryNotices.id", "<", beforeId);
  const rows = await q.orderBy("expiryNotices.id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    daysLeft: Number(r.daysLeft),
    quantityMilli: Number(r.quantityMilli),
    createdAt: Number(r.createdAt),
  }));
}
