import type { Db } from "./schema.ts";

export interface RetainedSample {
  readonly id: string;
  readonly lotId: string;
  readonly partyId: string;
  readonly quantityMilli: number;
  readonly unit: string;
  readonly keptAt: string;
  readonly keptUntil: string;
  readonly createdAt: number;
}

export async function insertRetainedSample(db: Db, s: RetainedSample): Promise<void> {
  await db.insertInto("retainedSamples").values(s).execute();
}

export async function listRetainedSamples(db: Db, lotId: string): Promise<RetainedSample[]> {
  const rows = await db
    .selectFrom("retainedSamples")
    .selectAll()
    .where("lotId", "=", lotId)
    .orderBy("createdAt")
    .execute();
  return rows.map((r) => ({ ...r, quantityMilli: Number(r.quantityMilli), createdAt: Number(r.createdAt) }));
}
