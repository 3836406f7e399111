import type { Kysely } from "kysely";

/**
 * Official sampling results (抽检) and their candidate lots; the near-expiry inbox (临期预警); and the indexes the
 * expiry job, the sampling match and the chain-integrity report need so that each is one indexed range scan:
 * - lots by producer and production date (a failing sample is matched to its producer's lots around that date);
 * - lots by expiry date (the daily job looks only at lots expiring soon or just expired);
 * - lots by creation time and shipments by shipping time (the integrity report counts one district's period);
 * - a shipment's line of a lot (backward trace: the receipt's line). Without it SQLite's planner answered the join
 *   from shipment_lines_lot — every line of the lot — so tracing back from one of a dairy lot's 10,000 shops read
 *   its 10,000 lines: the cost followed the lot's reach, not the answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sampling_records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("sample_no", "text", (c) => c.notNull())
    .addColumn("product_name", "text", (c) => c.notNull())
    .addColumn("spec", "text")
    .addColumn("producer_name", "text")
    .addColumn("producer_credit_code", "text")
    .addColumn("trace_code", "text")
    .addColumn("lot_code", "text")
    .addColumn("production_date", "text")
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("failed_items_json", "text", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("sampled_on", "text")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("imported_at", "bigint", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .execute();
  // One agency numbers its samples once: a re-imported report is recognised, not doubled.
  await db.schema
    .createIndex("sampling_records_sample")
    .on("sampling_records")
    .columns(["agency", "sample_no"])
    .unique()
    .execute();
  await db.schema
    .createIndex("sampling_records_region")
    .on("sampling_records")
    .columns(["region_code", "imported_at"])
    .execute();

  await db.schema
    .createTable("sampling_matches")
    .addColumn("record_id", "text", (c) => c.notNull().references("sampling_records.id"))
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("reasons_json", "text", (c) => c.notNull())
    /** candidate, confirmed or dismissed. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_at", "bigint")
    .addColumn("decided_by", "text")
    .addColumn("recall_id", "text", (c) => c.references("recalls.id"))
    .addPrimaryKeyConstraint("sampling_matches_pk", ["record_id", "lot_id"])
    .execute();
  await db.schema.createIndex("sampling_matches_lot").on("sampling_matches").columns(["lot_id"]).execute();

  await db.schema
    .createTable("expiry_notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    /** The rule that fired ("days:7", "table", "fraction:0.2") or "expired". */
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("expiry_date", "text", (c) => c.notNull())
    .addColumn("days_left", "integer", (c) => c.notNull())
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  // One notice per (holder, lot, rule), once: the daily job may run any number of times.
  await db.schema
    .createIndex("expiry_notices_once")
    .on("expiry_notices")
    .columns(["party_id", "lot_id", "rule"])
    .unique()
    .execute();
  await db.schema
    .createIndex("expiry_notices_party")
    .on("expiry_notices")
    .columns(["party_id", "created_at"])
    .execute();

  await db.schema.createIndex("lots_party_produced").on("lots").columns(["party_id", "production_date"]).execute();
  await db.schema.createIndex("lots_expiry").on("lots").columns(["expiry_date"]).execute();
  await db.schema.createIndex("lots_created").on("lots").columns(["created_at"]).execute();
  await db.schema.createIndex("shipments_shipped").on("shipments").columns(["shipped_at"]).execute();
  await db.schema
    .createIndex("shipment_lines_shipment_lot")
    .on("shipment_lines")
    .columns(["shipment_id", "lot_id"])
    .execute();
}
