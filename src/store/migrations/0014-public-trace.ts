import type { Kysely } from "kysely";

/**
 * The public side: consumers' complaints (投诉举报), routed to the regulator of a region, and scan statistics —
 * public resolutions counted per lot, day and district (the consumer query rate), with no personal data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("complaints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_phone", "text")
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("complaints_region").on("complaints").columns(["region_code", "created_at"]).execute();

  await db.schema
    .createTable("scan_counts")
    .addColumn("lot_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("count", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("scan_counts_pk", ["lot_id", "day", "region_code"])
    .execute();
  await db.schema.createIndex("scan_counts_region_day").on("scan_counts").columns(["region_code", "day"]).execute();
}
