import type { Kysely } from "kysely";

/**
 * Corrections never edit history: a revoked lot or shipment keeps its rows and gains a revocation, and the EPCIS
 * event it stored gains an error declaration (EPCIS 2.0 §7.4.1.4) in its own table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("lots").addColumn("revoked_at", "bigint").execute();
  await db.schema.alterTable("lots").addColumn("revoke_reason", "text").execute();
  await db.schema.alterTable("shipments").addColumn("revoke_reason", "text").execute();
  await db.schema
    .createTable("event_error_declarations")
    .addColumn("event_id", "text", (c) => c.primaryKey().references("events.event_id"))
    .addColumn("declared_at", "bigint", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("declared_by", "text", (c) => c.notNull())
    .addColumn("declaration_json", "text", (c) => c.notNull())
    .execute();
}
