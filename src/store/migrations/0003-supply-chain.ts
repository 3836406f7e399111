import { type Kysely, sql } from "kysely";
import { defaultCatalogue } from "../../core/catalogue/default-catalogue.ts";

/**
 * Supply-chain records: catalogue, products, lots, holdings per (lot, party), movements (every change of a
 * holding, for conservation and forward trace), shipments with their voucher lines, EPCIS events with an index
 * of the EPCs they name, and idempotency keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("catalogue")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("parent_code", "text")
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("key_variety", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await (db as Kysely<{ catalogue: object }>)
    .insertInto("catalogue")
    .values(
      defaultCatalogue.map((c) => ({
        code: c.code,
        parent_code: c.parentCode,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        key_variety: c.keyVariety ? 1 : 0,
        sort: c.sort,
      })),
    )
    .execute();

  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("spec", "text")
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("category_code", "text", (c) => c.notNull())
    .addColumn("shelf_life_days", "integer")
    .addColumn("gtin", "text", (c) => c.unique())
    .addColumn("description", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("products_party").on("products").columns(["party_id", "id"]).execute();

  await db.schema
    .createTable("lots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("lot_code", "text", (c) => c.notNull())
    .addColumn("gtin", "text")
    .addColumn("platform_code", "text", (c) => c.unique())
    .addColumn("trace_key", "text", (c) => c.notNull().unique())
    .addColumn("production_date", "text", (c) => c.notNull())
    .addColumn("expiry_date", "text")
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("origin_region", "text", (c) => c.notNull())
    .addColumn("origin_place", "text")
    .addColumn("location", "text")
    .addColumn("entry", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lots_product_code").on("lots").columns(["product_id", "lot_code"]).unique().execute();
  await db.schema.createIndex("lots_party").on("lots").columns(["party_id", "id"]).execute();

  await db.schema
    .createTable("lot_inputs")
    .addColumn("output_lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("input_lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("lot_inputs_pk", ["output_lot_id", "input_lot_id"])
    .execute();
  await db.schema.createIndex("lot_inputs_input").on("lot_inputs").column("input_lot_id").execute();

  await db.schema
    .createTable("holdings")
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("holdings_pk", ["lot_id", "party_id"])
    // Last line of defence: a holding never goes below zero, whatever a service attempts (services check first).
    .addCheckConstraint("holdings_not_negative", sql`quantity_milli >= 0`)
    .execute();
  await db.schema.createIndex("holdings_party").on("holdings").columns(["party_id", "lot_id"]).execute();

  await db.schema
    .createTable("movements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lot_id", "text", (c) => c.notNull())
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("delta_milli", "bigint", (c) => c.notNull())
    .addColumn("shipment_id", "text")
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("movements_lot").on("movements").columns(["lot_id", "at"]).execute();

  await db.schema
    .createTable("shipments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("voucher_code", "text", (c) => c.notNull().unique())
    .addColumn("shipper_party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("receiver_kind", "text", (c) => c.notNull())
    .addColumn("receiver_party_id", "text", (c) => c.references("parties.id"))
    .addColumn("receiver_json", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("shipped_at", "bigint", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("shipments_receiver")
    .on("shipments")
    .columns(["receiver_party_id", "status", "shipped_at"])
    .execute();
  await db.schema
    .createIndex("shipments_shipper")
    .on("shipments")
    .columns(["shipper_party_id", "shipped_at"])
    .execute();

  await db.schema
    .createTable("shipment_lines")
    .addColumn("shipment_id", "text", (c) => c.notNull().references("shipments.id"))
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("lot_id", "text", (c) => c.notNull().references("lots.id"))
    .addColumn("quantity_milli", "bigint", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("received_milli", "bigint")
    .addColumn("reason", "text")
    .addColumn("settled_at", "bigint")
    .addPrimaryKeyConstraint("shipment_lines_pk", ["shipment_id", "line_no"])
    .execute();
  await db.schema.createIndex("shipment_lines_lot").on("shipment_lines").column("lot_id").execute();

  await db.schema
    .createTable("events")
    .addColumn("event_id", "text", (c) => c.primaryKey())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("event_time", "bigint", (c) => c.notNull())
    .addColumn("record_time", "bigint", (c) => c.notNull())
    .addColumn("biz_step", "text")
    .addColumn("disposition", "text")
    .addColumn("party_id", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("event_json", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_record_time").on("events").column("record_time").execute();
  await db.schema
    .createTable("event_epcs")
    .addColumn("epc", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.event_id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_epcs_pk", ["epc", "event_id", "role"])
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status_code", "integer", (c) => c.notNull())
    .addColumn("response_json", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["actor", "key"])
    .execute();
}
