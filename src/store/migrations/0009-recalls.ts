import type { Kysely } from "kysely";

/**
 * Recalls (召回, 食品召回管理办法): the recall, the lots in its scope (the recalled lots and every lot made from
 * them, recursively) and one task per holder and lot. Also the indexes the trace walks need, so that each level
 * of a walk is one indexed look-up per frontier and its cost follows the size of the answer:
 * - receipts of a lot by a party (backward: from whom did this holder get it) — movements by (lot, party, kind);
 * - the lots a lot was made from (backward) is lot_inputs' primary key; what was made from it (forward) is
 *   lot_inputs_input (0003); a lot's shipment lines (forward) is shipment_lines_lot (0003);
 * - a lot's open recalls (every ship, sale, use and receipt checks it) — recall_lots by lot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("movements_lot_party").on("movements").columns(["lot_id", "party_id", "kind"]).execute();

  await db.schema
    .createTable("recalls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("initiator_kind", "text", (c) => c.notNull())
    .addColumn("initiator_party_id", "text", (c) => c.references("parties.id"))
    .addColumn("initiator_region", "text")
    .addColumn("producer_party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("criteria_json", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("opened_at", "bigint", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .addColumn("closed_by", "text")
    .addColumn("close_note", "text")
    .addColumn("event_id", "text")
    .execute();
  await db.schema.createIndex("recalls_producer").on("recalls").columns(["producer_party_id", "opened_at"]).execute();
  await db.schema.createIndex("recalls_status").on("recalls").columns(["status", "opened_at"]).execute();

  await db.schema
    .createTable("recall_lots")
    .addColumn("recall_id", "text", (c) => c.notNull().references("recalls.id"))
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    /** 1 for a lot the recall names, 0 for a lot made from one (found by the forward trace). */
    .addColumn("named", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("recall_lots_pk", ["recall_id", "lot_id"])
    .execute();
  await db.schema.createIndex("recall_lots_lot").on("recall_lots").columns(["lot_id", "recall_id"]).execute();

  await db.schema
    .createTable("recall_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recall_id", "text", (c) => c.notNull().references("recalls.id"))
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("held_milli", "bigint", (c) => c.notNull())
    .addColumn("in_transit_milli", "bigint", (c) => c.notNull())
    .addColumn("returned_milli", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("destroyed_milli", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("acknowledged_at", "bigint")
    .addColumn("stop_sale_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("recall_tasks_holder")
    .on("recall_tasks")
    .columns(["recall_id", "lot_id", "party_id"])
    .unique()
    .execute();
  await db.schema.createIndex("recall_tasks_party").on("recall_tasks").columns(["party_id", "recall_id"]).execute();
}
