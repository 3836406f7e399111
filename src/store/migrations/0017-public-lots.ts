import { type Kysely, sql } from "kysely";

/**
 * The materialised public record of each lot (what a consumer's scan shows), so that a scan reads one row by
 * primary key instead of building the record (~15 queries and a backward walk). Keyed by the trace key the
 * resolver gets from the code.
 *
 * - `record_json` is the record as built (null while a first build is under way); the parts that depend on the
 *   day (expiry badge, licence validity) are recomputed from the stored dates when it is read: production and
 *   expiry date, and `flags_until`, the first day a licence flag in the JSON turns wrong. `scan_region` is the
 *   district the lot's scans are counted for. A scan reads these columns and sends the JSON without parsing it.
 * - `dirty` counts changes since the build: writes that change what the record shows add 1 in their own
 *   transaction (cheap: an indexed UPDATE that touches only lots that have a record). A rebuild saves only if the
 *   count is still what it read, so a change that lands during a rebuild is never lost.
 * - The partial index holds only dirty rows: the background refresher finds its work without a scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("public_lots")
    .addColumn("trace_key", "text", (c) => c.primaryKey())
    .addColumn("lot_id", "text", (c) => c.notNull())
    .addColumn("record_json", "text")
    .addColumn("production_date", "text")
    .addColumn("expiry_date", "text")
    .addColumn("scan_region", "text")
    .addColumn("flags_until", "text")
    .addColumn("dirty", "integer", (c) => c.notNull())
    .addColumn("built_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("public_lots_lot").on("public_lots").column("lot_id").execute();
  await db.schema
    .createIndex("public_lots_dirty")
    .on("public_lots")
    .column("trace_key")
    .where(sql.ref("dirty"), ">", 0)
    .execute();
}
