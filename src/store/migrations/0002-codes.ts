import type { Kysely } from "kysely";

/** Issued codes: sequences, reserved blocks, serial numbers, and the party code of each party. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("parties").addColumn("party_code", "text").execute();
  await db.schema.createIndex("parties_party_code").on("parties").column("party_code").unique().execute();

  await db.schema
    .createTable("code_sequences")
    .addColumn("scope", "text", (c) => c.primaryKey())
    .addColumn("last_value", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("code_blocks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("first_value", "bigint", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("party_id", "text", (c) => c.references("parties.id"))
    .addColumn("issued_at", "bigint", (c) => c.notNull())
    .addColumn("issued_by", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("code_blocks_scope").on("code_blocks").columns(["scope", "first_value"]).execute();

  await db.schema
    .createTable("serial_numbers")
    .addColumn("gtin", "text", (c) => c.notNull())
    .addColumn("serial", "text", (c) => c.notNull())
    .addColumn("lot", "text")
    .addColumn("party_id", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("block_id", "text", (c) => c.notNull())
    .addColumn("issued_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("serial_numbers_pk", ["gtin", "serial"])
    .execute();
  await db.schema.createIndex("serial_numbers_block").on("serial_numbers").column("block_id").execute();
}
