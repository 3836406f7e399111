import type { Kysely } from "kysely";

/** Retained samples (留样) of lots: how much, where kept, kept until. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("retained_samples")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("kept_at", "text", (c) => c.notNull())
    .addColumn("kept_until", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("retained_samples_lot").on("retained_samples").column("lot_id").execute();
}
